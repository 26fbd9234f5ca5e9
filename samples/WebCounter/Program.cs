using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samples.WebCounter;
using TypedGrains;
using TypedGrains.Runtime;

var builder = WebApplication.CreateBuilder(args);

// Grains on SQLite; the TypedGrains section of appsettings.json may override any of it.
var database = builder.Configuration.GetConnectionString("Counters") ?? "Data Source=webcounter.db";
builder.Services.AddTypedGrains(b => b.AddGrain<HitCounter>().UseSqlite(database));
builder.Services.AddHealthChecks().AddTypedGrains();

// The runtime's meter and activity source, both named "TypedGrains", to the console exporter.
var console = builder.Configuration.GetValue("WebCounter:ConsoleExporter", defaultValue: true);
builder.Services.AddOpenTelemetry()
    .WithMetrics(metrics =>
    {
        metrics.AddMeter(GrainInstrumentation.Name);
        if (console)
        {
            metrics.AddConsoleExporter();
        }
    })
    .WithTracing(tracing =>
    {
        // ASP.NET Core's own source too: its request span is then sampled and recorded, and parents the grain spans
        // (left out, the framework's unrecorded request activity would make the default parent-based sampler drop them).
        tracing.AddSource(GrainInstrumentation.Name, "Microsoft.AspNetCore");
        if (console)
        {
            tracing.AddConsoleExporter();
        }
    });

var app = builder.Build();

app.MapPost("/counters/{id}/increment", async (string id, IGrainFactory grains) =>
{
    var counter = grains.HitCounter(id);
    counter.Increment();                                // a cast: its turn saves
    return Results.Ok(new CounterReply(id, await counter.Get()));   // a call: runs after the cast
});
app.MapGet("/counters/{id}", async (string id, IGrainFactory grains) =>
    Results.Ok(new CounterReply(id, await grains.HitCounter(id).Get())));
app.MapHealthChecks("/health");

app.Run();

/// <summary>The entry point, visible to the WebApplicationFactory of the tests.</summary>
public partial class Program;
