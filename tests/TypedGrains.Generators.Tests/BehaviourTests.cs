using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.Emit;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>
/// Compiles the contract's Counter with its generated code and a recording fake runtime, loads it, and checks that
/// references, requests, casts to self and the dispatcher behave as the contract says.
/// </summary>
public sealed class BehaviourTests
{
    private const string Probe = """
        using System;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using TypedGrains;
        using Samples;

        namespace Probe;

        public sealed class Factory(IGrainRuntime runtime) : IGrainFactory
        {
            public IGrainRuntime Runtime { get; } = runtime;
        }

        public sealed class Args(params object[] values) : IArgumentReader
        {
            private int _next;
            public T Read<T>() => (T)values[_next++];
        }

        public sealed class RecordingRuntime : IGrainRuntime
        {
            public StringBuilder Log { get; } = new();
            public Samples.Counter Grain { get; } = Probe.Create();

            public ValueTask<TReply> CallAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
                where TGrain : Grain, IGrain<TGrain>
                where TRequest : struct, IGrainRequest<TGrain, TReply>
            {
                Log.Append("call ").Append(TRequest.MethodName).Append(" on ").Append(grain).Append(';');
                return request.InvokeAsync((TGrain)(object)Grain);
            }

            public ValueTask CallAsync<TGrain, TRequest>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
                where TGrain : Grain, IGrain<TGrain>
                where TRequest : struct, IGrainRequest<TGrain>
            {
                Log.Append("call ").Append(TRequest.MethodName).Append(';');
                return request.InvokeAsync((TGrain)(object)Grain);
            }

            public async ValueTask<TReply> CallDeferredAsync<TGrain, TRequest, TReply>(GrainId grain, TRequest request)
                where TGrain : Grain, IGrain<TGrain>
                where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
            {
                Log.Append("deferred ").Append(TRequest.MethodName).Append(';');
                await request.InvokeAsync((TGrain)(object)Grain, new Caller<TReply>(new CallerId(7)));
                var reply = (DeferredReply<TReply>)Grain.Actions.Replies[^1];
                return reply.Value;
            }

            ValueTask<TReply> IGrainRuntime.CallDeferredAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken) =>
                CallDeferredAsync<TGrain, TRequest, TReply>(grain, request);

            public void Cast<TGrain, TRequest>(GrainId grain, in TRequest request)
                where TGrain : Grain, IGrain<TGrain>
                where TRequest : struct, IGrainRequest<TGrain>
            {
                Log.Append("cast ").Append(TRequest.MethodName).Append(';');
                request.InvokeAsync((TGrain)(object)Grain).GetAwaiter().GetResult();
            }
        }

        public struct RecordingVisitor(Samples.Counter grain, StringBuilder log) : IRequestVisitor<Samples.Counter>
        {
            public void Call<TRequest, TReply>(in TRequest request) where TRequest : struct, IGrainRequest<Samples.Counter, TReply> =>
                log.Append("visit call ").Append(TRequest.MethodName).Append('=').Append(request.InvokeAsync(grain).Result).Append(';');

            public void CallVoid<TRequest>(in TRequest request) where TRequest : struct, IGrainRequest<Samples.Counter> =>
                log.Append("visit callvoid ").Append(TRequest.MethodName).Append(';');

            public void CallDeferred<TRequest, TReply>(in TRequest request) where TRequest : struct, IDeferredGrainRequest<Samples.Counter, TReply> =>
                log.Append("visit deferred ").Append(TRequest.MethodName).Append(';');

            public void Cast<TRequest>(in TRequest request) where TRequest : struct, IGrainRequest<Samples.Counter>
            {
                request.InvokeAsync(grain).GetAwaiter().GetResult();
                log.Append("visit cast ").Append(TRequest.MethodName).Append(';');
            }
        }

        public static class Probe
        {
            public static Samples.Counter Create() => Definition<Samples.Counter>().Create();

            public static GrainDefinition<T> Definition<T>() where T : Grain, IGrain<T> => T.Definition;

            public static string Run()
            {
                var runtime = new RecordingRuntime();
                var grains = new Factory(runtime);
                var log = runtime.Log;

                Samples.CounterRef counter = grains.Counter("c-1");
                log.Append("ref ").Append(counter).Append(" equal ").Append(counter == grains.Counter("c-1")).Append(';');
                log.Append("initial ").Append(runtime.Grain.State).Append(';');

                counter.Increment();
                counter.Add(5, "five");
                log.Append("self casts ").Append(runtime.Grain.Actions.SelfCasts.Count).Append(' ')
                    .Append(runtime.Grain.Actions.SelfCasts[0].Request.GetType().Name).Append(';');
                int got = counter.Get().Result;
                log.Append("get ").Append(got).Append(';');
                int gotAsync = counter.GetAsync().AsTask().Result;
                log.Append("get async ").Append(gotAsync).Append(';');
                int waited = counter.Wait().AsTask().Result;
                log.Append("wait ").Append(waited).Append(';');
                counter.Reset().AsTask().Wait();
                log.Append("after reset ").Append(runtime.Grain.State.Count).Append(';');

                GrainDefinition<Samples.Counter> definition = Definition<Samples.Counter>();
                log.Append("definition ").Append(definition.TypeName).Append(' ').Append(definition.KeyKind).Append(' ')
                    .Append(definition.Placement).Append(' ').Append(definition.Provider).Append(';');
                var visitor = new RecordingVisitor(runtime.Grain, log);
                definition.Dispatch(Samples.Counter.Requests.Add.MethodId, new Args(2, "two"), ref visitor);
                definition.Dispatch(Samples.Counter.Requests.Get.MethodId, new Args(), ref visitor);
                definition.Dispatch(Samples.Counter.Requests.Reset.MethodId, new Args(), ref visitor);
                definition.Dispatch(Samples.Counter.Requests.Wait.MethodId, new Args(), ref visitor);
                try
                {
                    definition.Dispatch(0xDEADBEEFu, new Args(), ref visitor);
                }
                catch (UnknownGrainMethodException error)
                {
                    log.Append("unknown ").Append(error.MethodId.ToString("X8")).Append(';');
                }

                try
                {
                    default(Samples.CounterRef).Increment();
                }
                catch (UnboundReferenceException)
                {
                    log.Append("unbound;");
                }

                return log.ToString();
            }
        }
        """;

    private const string DefaultsGrain = """
        using System.Globalization;
        using TypedGrains;

        namespace Defaults;

        public enum Tone { Plain, Loud }

        [Grain]
        public sealed partial class Greeter : Grain<string>
        {
            [Call] public string Greet(string name = "world", int times = 1, Tone tone = Tone.Loud, double scale = 0.5) =>
                string.Join(",", System.Linq.Enumerable.Repeat(name, times)) + " " + tone + " " + scale.ToString(CultureInfo.InvariantCulture);

            [Cast] public void Remember(string text = "\"quoted\"\n", decimal amount = 19.90m, Tone? tone = null) =>
                State = text + amount.ToString(CultureInfo.InvariantCulture) + (tone?.ToString() ?? "none");

            [Cast] public void Later() => CastToSelf.Remember(amount: 1m);
        }
        """;

    private const string DefaultsProbe = """
        using System.Threading;
        using System.Threading.Tasks;
        using TypedGrains;
        using Defaults;

        namespace Probe;

        public sealed class Factory(IGrainRuntime runtime) : IGrainFactory
        {
            public IGrainRuntime Runtime { get; } = runtime;
        }

        public sealed class DirectRuntime(Greeter grain) : IGrainRuntime
        {
            public ValueTask<TReply> CallAsync<TGrain, TRequest, TReply>(GrainId id, in TRequest request, CancellationToken cancellationToken)
                where TGrain : Grain, IGrain<TGrain>
                where TRequest : struct, IGrainRequest<TGrain, TReply> => request.InvokeAsync((TGrain)(object)grain);

            public ValueTask CallAsync<TGrain, TRequest>(GrainId id, in TRequest request, CancellationToken cancellationToken)
                where TGrain : Grain, IGrain<TGrain>
                where TRequest : struct, IGrainRequest<TGrain> => request.InvokeAsync((TGrain)(object)grain);

            public ValueTask<TReply> CallDeferredAsync<TGrain, TRequest, TReply>(GrainId id, in TRequest request, CancellationToken cancellationToken)
                where TGrain : Grain, IGrain<TGrain>
                where TRequest : struct, IDeferredGrainRequest<TGrain, TReply> => throw new System.NotSupportedException();

            public void Cast<TGrain, TRequest>(GrainId id, in TRequest request)
                where TGrain : Grain, IGrain<TGrain>
                where TRequest : struct, IGrainRequest<TGrain> => request.InvokeAsync((TGrain)(object)grain).GetAwaiter().GetResult();
        }

        public static class Probe
        {
            public static GrainDefinition<T> Definition<T>() where T : Grain, IGrain<T> => T.Definition;

            public static string Run()
            {
                Greeter grain = Definition<Greeter>().Create();
                GreeterRef greeter = new Factory(new DirectRuntime(grain)).Greeter("g");
                string log = greeter.Greet().Result + ";" + greeter.Greet("you", 2).Result + ";" + greeter.Greet(tone: Tone.Plain).Result + ";";
                greeter.Remember();
                log += grain.State + ";";
                greeter.Remember("x", tone: Tone.Plain);
                log += grain.State + ";";
                greeter.Later();
                log += grain.Actions.SelfCasts.Count + " self cast;";
                return log;
            }
        }
        """;

    [Fact]
    public void OmittedArgumentsReachTheHandlerAsItsDefaults()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(DefaultsGrain, DefaultsProbe).AssertGeneratorQuiet();
        using var stream = new MemoryStream();
        EmitResult emit = outcome.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Select(d => d.ToString())));

        var context = new AssemblyLoadContext("generated-defaults", isCollectible: true);
        try
        {
            stream.Position = 0;
            Assembly assembly = context.LoadFromStream(stream);
            string log = (string)assembly.GetType("Probe.Probe")!.GetMethod("Run")!.Invoke(null, null)!;

            Assert.Equal("world Loud 0.5;you,you Loud 0.5;world Plain 0.5;\"quoted\"\n19.90none;x19.90Plain;1 self cast;", log);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void GeneratedCodeBehavesAsTheContractSays()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(GrainCases.Sources["ContractCounter"], Probe).AssertGeneratorQuiet();
        using var stream = new MemoryStream();
        EmitResult emit = outcome.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Select(d => d.ToString())));

        var context = new AssemblyLoadContext("generated-counter", isCollectible: true);
        try
        {
            stream.Position = 0;
            Assembly assembly = context.LoadFromStream(stream);
            string log = (string)assembly.GetType("Probe.Probe")!.GetMethod("Run")!.Invoke(null, null)!;

            Assert.Equal(
                string.Join(
                    ";",
                    "ref Samples.Counter/c-1 equal True",
                    "initial CounterState { Count = 0 }",
                    "cast Increment",
                    "cast Add",
                    "self casts 1 Increment",
                    "call Get on Samples.Counter/c-1",
                    "get 6",
                    "call GetAsync on Samples.Counter/c-1",
                    "get async 6",
                    "deferred Wait",
                    "wait 6",
                    "call Reset",
                    "after reset 0",
                    "definition Samples.Counter String PreferLocal memory",
                    "visit cast Add",
                    "visit call Get=2",
                    "visit callvoid Reset",
                    "visit deferred Wait",
                    "unknown DEADBEEF",
                    "unbound") + ";",
                log);
        }
        finally
        {
            context.Unload();
        }
    }
}
