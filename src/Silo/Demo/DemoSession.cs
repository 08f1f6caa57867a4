using System.Buffers.Text;
using System.Security.Cryptography;

namespace SlaGrid.Silo.Demo;

/// <summary>
/// The demo's shared state: the admin key generated for this run (used only when none is configured), and the
/// hand-over from the seeder to the feeder.
/// </summary>
internal sealed class DemoSession
{
    private readonly TaskCompletionSource<DemoSeeded> _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A session with a fresh random admin key.</summary>
    public DemoSession()
    {
        GeneratedAdminKey = "demo-" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
    }

    /// <summary>The admin key used when neither <c>SLAGRID_ADMIN_KEY</c> nor <c>Security:AdminKey</c> gives one.</summary>
    public string GeneratedAdminKey { get; }

    /// <summary>Completes when the province is seeded; fails or is cancelled when seeding did not happen.</summary>
    public Task<DemoSeeded> Seeded => _seeded.Task;

    /// <summary>Hands the seeded province over.</summary>
    public void MarkSeeded(DemoSeeded seeded) => _seeded.TrySetResult(seeded);

    /// <summary>Tells the feeder that seeding failed.</summary>
    public void MarkFailed(Exception error) => _seeded.TrySetException(error);

    /// <summary>Tells the feeder that seeding stopped (shutdown).</summary>
    public void MarkCancelled() => _seeded.TrySetCanceled();
}
