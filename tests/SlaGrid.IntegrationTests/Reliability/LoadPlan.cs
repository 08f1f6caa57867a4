namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>How much load a <see cref="LoadGenerator"/> sends, and through which clients.</summary>
/// <param name="ChannelProducers">SDK producers sharing one IngestChannel; each sends its dossiers' events one at a time.</param>
/// <param name="DossiersPerChannelProducer">Dossiers per SDK producer.</param>
/// <param name="HttpProducers">Plain HTTP producers, each POSTing its batches one after the other.</param>
/// <param name="BatchesPerHttpProducer">Batches per HTTP producer.</param>
/// <param name="DossiersPerBatch">Dossiers per HTTP batch (all their events in it).</param>
internal sealed record LoadPlan(int ChannelProducers, int DossiersPerChannelProducer, int HttpProducers, int BatchesPerHttpProducer, int DossiersPerBatch)
{
    /// <summary>How many dossiers the plan sends (numbered 0 to Dossiers - 1).</summary>
    public int Dossiers => (ChannelProducers * DossiersPerChannelProducer) + (HttpProducers * BatchesPerHttpProducer * DossiersPerBatch);
}
