using SlaGrid.Client;

namespace SlaGrid.Silo.Demo;

/// <summary>What the seeder hands the feeder: the province as seeded, and a client of the silo's own API.</summary>
/// <param name="Province">The synthetic province (under the nation found or created).</param>
/// <param name="Client">The SDK over the silo's own address, with the admin key.</param>
internal sealed record DemoSeeded(DemoProvince Province, SlaGridClient Client);
