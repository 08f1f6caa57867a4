using SlaGrid.Silo.Hosting;

var builder = WebApplication.CreateSlimBuilder(SiloArguments.Normalize(args));
builder.AddSlaGrid();

var app = builder.Build();
app.MapSlaGrid();
await app.RunAsync();
