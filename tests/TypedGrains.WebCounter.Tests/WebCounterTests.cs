using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samples.WebCounter;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.WebCounter.Tests;

/// <summary>
/// Starts samples/WebCounter in memory (WebApplicationFactory) on a temporary SQLite file, with OpenTelemetry's
/// in-memory exporters next to the sample's own wiring, and checks its HTTP answers, a metric and a trace.
/// </summary>
public sealed class WebCounterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "typedgrains-webcounter-" + Guid.NewGuid().ToString("N"));
    private readonly List<Metric> _metrics = new();
    private readonly List<Activity> _spans = new();
    private readonly WebApplicationFactory<Program> _factory;

    public WebCounterTests()
    {
        Directory.CreateDirectory(_folder);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Counters", "Data Source=" + Path.Combine(_folder, "counters.db"));
            web.UseSetting("WebCounter:ConsoleExporter", "false");
            web.ConfigureServices(services =>
            {
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
            });
        });
    }

    public void Dispose()
    {
        _factory.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Still open on a slow machine; the temp folder is cleaned elsewhere.
        }
    }

    [Fact]
    public async Task Increment_and_get_answer_with_the_count_and_the_health_endpoint_is_healthy()
    {
        using var client = _factory.CreateClient();

        var first = await client.PostAsync("/counters/c-1/increment", null);
        var second = await client.PostAsync("/counters/c-1/increment", null);
        var read = await client.GetFromJsonAsync<CounterReply>("/counters/c-1");
        var other = await client.GetFromJsonAsync<CounterReply>("/counters/c-2");
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(new CounterReply("c-1", 1), await first.Content.ReadFromJsonAsync<CounterReply>());
        Assert.Equal(new CounterReply("c-1", 2), await second.Content.ReadFromJsonAsync<CounterReply>());
        Assert.Equal(new CounterReply("c-1", 2), read);
        Assert.Equal(new CounterReply("c-2", 0), other);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_records_the_call_metric_and_a_call_span_with_a_child_turn_span()
    {
        using var client = _factory.CreateClient();

        (await client.GetAsync("/counters/traced")).EnsureSuccessStatusCode();

        Assert.True(_factory.Services.GetRequiredService<MeterProvider>().ForceFlush());
        var calls = _metrics.Single(m => m.Name == GrainInstrumentation.Calls);
        long total = 0;
        foreach (ref readonly var point in calls.GetMetricPoints())
        {
            total += point.GetSumLong();
        }

        Assert.Equal(1, total);

        // The turn span stops just after the reply is released, the request span after the response: wait for both (bounded), do not sleep.
        var tracer = _factory.Services.GetRequiredService<TracerProvider>();
        Assert.True(SpinWait.SpinUntil(() =>
        {
            tracer.ForceFlush();
            var exported = _spans.ToArray();
            return exported.Count(s => s.Source.Name == GrainInstrumentation.Name) >= 2 && exported.Any(s => s.Source.Name == "Microsoft.AspNetCore");
        }, TimeSpan.FromSeconds(30)));
        // Every span of this one request is exported; nothing adds to the list any more.
        var spans = _spans.Where(s => s.Source.Name == GrainInstrumentation.Name).ToArray();

        var call = Assert.Single(spans, s => s.Kind == ActivityKind.Client);
        var turn = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.EndsWith("/Get", call.DisplayName);
        Assert.Equal(call.TraceId, turn.TraceId);
        Assert.Equal(call.SpanId, turn.ParentSpanId);
        var request = Assert.Single(_spans, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(request.SpanId, call.ParentSpanId);
    }
}
