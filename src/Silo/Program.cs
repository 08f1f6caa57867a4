using SlaGrid.Silo.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddSlaGrid(args);

var app = builder.Build();
app.MapSlaGrid();
await app.RunAsync();
