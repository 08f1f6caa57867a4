using System.Globalization;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>Builds the events of the synthetic dataset and workload (unique event ids, Vietnamese offsets).</summary>
internal sealed class EventFactory(Dataset data, string runTag)
{
    /// <summary>Asia/Ho_Chi_Minh: UTC+07:00, no daylight saving.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    private long _next;

    /// <summary>The dataset.</summary>
    public Dataset Data => data;

    /// <summary>A fresh, grid-unique event id.</summary>
    public string NextEventId() => runTag + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);

    /// <summary>A <c>received</c> event for dossier <paramref name="index"/> in its commune.</summary>
    public DossierEvent Received(long index, DateTimeOffset at, string procedure, DateTimeOffset? dueAt = null, string? dossierId = null) =>
        new(NextEventId(), dossierId ?? Dataset.DossierId(index), EventTypes.Received, at.ToOffset(Offset),
            UnitId: data.CommuneId(data.CommuneOf(index)), ProcedureCode: procedure, OfficerId: data.OfficerOf(index), DueAt: dueAt?.ToOffset(Offset));

    /// <summary>An event of <paramref name="type"/> with no extra field.</summary>
    public DossierEvent Simple(long index, string type, DateTimeOffset at) =>
        new(NextEventId(), Dataset.DossierId(index), type, at.ToOffset(Offset));

    /// <summary>An <c>assigned</c> event to another officer of the same commune.</summary>
    public DossierEvent Assigned(long index, DateTimeOffset at, int shift) =>
        new(NextEventId(), Dataset.DossierId(index), EventTypes.Assigned, at.ToOffset(Offset), OfficerId: data.OfficerOf(index, shift));
}
