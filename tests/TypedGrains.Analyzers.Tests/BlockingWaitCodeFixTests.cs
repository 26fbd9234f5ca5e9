using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.CodeFixes;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>TG0013: a blocking wait in a handler's own body becomes <c>await</c>, and a synchronous handler becomes async.</summary>
public sealed class BlockingWaitCodeFixTests
{
    private const string Usings = CodeFixAssert.Usings;
    private const string Grain = "[Grain]\npublic sealed partial class G : Grain<S>\n{\n";

    [Fact]
    public async Task ResultInAValueCallBecomesAwaitAndValueTaskOfT()
    {
        await FixesAsync(
            Grain + "    [Call] public int Get() => Task.FromResult(1).Result;\n}\n",
            Grain + "    [Call] public async ValueTask<int> Get() => await Task.FromResult(1);\n}\n");
    }

    [Fact]
    public async Task GetResultBecomesAwait()
    {
        await FixesAsync(
            Grain + "    [Call] public int Get() => Task.FromResult(1).ConfigureAwait(false).GetAwaiter().GetResult();\n}\n",
            Grain + "    [Call] public async ValueTask<int> Get() => await Task.FromResult(1).ConfigureAwait(false);\n}\n");
    }

    [Fact]
    public async Task WaitInAVoidCastBecomesAnAwaitStatementAndValueTask()
    {
        await FixesAsync(
            Grain + "    [Cast]\n    public void Flush()\n    {\n        Task.Delay(1).Wait();\n        State = State with { Count = 0 };\n    }\n}\n",
            Grain + "    [Cast]\n    public async ValueTask Flush()\n    {\n        await Task.Delay(1);\n        State = State with { Count = 0 };\n    }\n}\n");
    }

    [Fact]
    public async Task VoidCallBecomesValueTask()
    {
        await FixesAsync(
            Grain + "    [Call] internal void Flush() => Task.Delay(1).Wait();\n}\n",
            Grain + "    [Call] internal async ValueTask Flush() => await Task.Delay(1);\n}\n");
    }

    [Fact]
    public async Task DeferredCallBecomesValueTask()
    {
        await FixesAsync(
            Grain + "    [Call] public void Get(Caller<int> caller) => Reply(caller, Task.FromResult(1).Result);\n}\n",
            Grain + "    [Call] public async ValueTask Get(Caller<int> caller) => Reply(caller, await Task.FromResult(1));\n}\n");
    }

    [Fact]
    public async Task AsyncHandlerOnlyAwaits()
    {
        await FixesAsync(
            Grain + "    [Call]\n    public async Task<int> Get()\n    {\n        await Task.Yield();\n        return Task.FromResult(1).Result + 1;\n    }\n}\n",
            Grain + "    [Call]\n    public async Task<int> Get()\n    {\n        await Task.Yield();\n        return await Task.FromResult(1) + 1;\n    }\n}\n");
    }

    [Fact]
    public async Task AwaitIsParenthesizedWhereItsResultIsUsed()
    {
        await FixesAsync(
            Grain + "    [Call] public int Length() => Task.FromResult(\"four\").Result.Length;\n}\n",
            Grain + "    [Call] public async ValueTask<int> Length() => (await Task.FromResult(\"four\")).Length;\n}\n");
    }

    [Fact]
    public async Task TaskOfTHandlerAwaitsItsReturns()
    {
        await FixesAsync(
            Grain + "    [Call]\n    public Task<int> Get()\n    {\n        int one = Task.FromResult(1).Result;\n        return Task.FromResult(one + 1);\n    }\n}\n",
            Grain + "    [Call]\n    public async Task<int> Get()\n    {\n        int one = await Task.FromResult(1);\n        return await Task.FromResult(one + 1);\n    }\n}\n");
    }

    [Fact]
    public async Task TaskHandlerAwaitsItsReturnsThenReturns()
    {
        await FixesAsync(
            Grain + "    [Cast]\n    public Task Poke()\n    {\n        Task.Delay(1).Wait();\n        if (State.Count > 0)\n            return Task.CompletedTask;\n        return Task.Delay(1);\n    }\n}\n",
            Grain + "    [Cast]\n    public async Task Poke()\n    {\n        await Task.Delay(1);\n        if (State.Count > 0)\n        {\n            await Task.CompletedTask;\n            return;\n        }\n        await Task.Delay(1);\n    }\n}\n");
    }

    [Fact]
    public async Task MissingTasksImportIsAdded()
    {
        const string Before = "using TypedGrains;\n\nnamespace Cases;\n\npublic sealed record S(int Count = 0);\n\n";
        string source = Before + Grain + "    [Call] public int Get() => System.Threading.Tasks.Task.FromResult(1).Result;\n}\n";

        string[] fixedTexts = await CodeFixHarness.ApplyAsync(new BlockingWaitCodeFix(), "TG0013", BlockingWaitCodeFix.EquivalenceKey, source);

        Assert.Equal(
            "using System.Threading.Tasks;\n" + Before + Grain + "    [Call] public async ValueTask<int> Get() => await System.Threading.Tasks.Task.FromResult(1);\n}\n",
            fixedTexts.Single());
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Theory]
    [InlineData("[Call] public int Get() { System.Func<int> f = () => Task.FromResult(1).Result; return f(); }")]
    [InlineData("[Call] public int Get() { return Local(); int Local() => Task.FromResult(1).Result; }")]
    [InlineData("private readonly object _gate = new(); [Call] public int Get() { lock (_gate) { return Task.FromResult(1).Result; } }")]
    [InlineData("[Call] public void Wait() => Task.Delay(1).Wait(100);")]
    [InlineData("[Call] public int Get() { var awaiter = Task.FromResult(1).GetAwaiter(); return awaiter.GetResult(); }")]
    [InlineData("[Call] public System.Collections.Generic.IEnumerable<int> Get() { yield return Task.FromResult(1).Result; }")]
    public async Task NotOfferedWhereAwaitCannotReplaceTheWait(string handlers)
    {
        await CodeFixAssert.NotOfferedAsync(new BlockingWaitCodeFix(), "TG0013", "[Grain] public sealed partial class G : Grain<S> { " + handlers + " }\n");
    }

    [Fact]
    public async Task NotOfferedWhenTheSignatureIsTiedToAnInterface()
    {
        await CodeFixAssert.NotOfferedAsync(
            new BlockingWaitCodeFix(), "TG0013",
            "public interface IGet { int Get(); }\n[Grain] public sealed partial class G : Grain<S>, IGet { [Call] public int Get() => Task.FromResult(1).Result; }\n");
    }

    [Fact]
    public async Task FixAllAwaitsInEveryHandler()
    {
        string source = Usings + Grain
            + "    [Call] public int Get() => Task.FromResult(1).Result;\n"
            + "    [Cast] public void Poke() => Task.Delay(1).Wait();\n"
            + "    [Call] public async Task<int> Sum() => Task.FromResult(1).Result + await Task.FromResult(2);\n"
            + "}\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new BlockingWaitCodeFix(), "TG0013", BlockingWaitCodeFix.EquivalenceKey, source);

        Assert.Equal(
            Usings + Grain
            + "    [Call] public async ValueTask<int> Get() => await Task.FromResult(1);\n"
            + "    [Cast] public async ValueTask Poke() => await Task.Delay(1);\n"
            + "    [Call] public async Task<int> Sum() => await Task.FromResult(1) + await Task.FromResult(2);\n"
            + "}\n",
            fixedTexts[0]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public async Task FixAllAwaitsEveryWaitOfOneHandler()
    {
        string source = Usings + Grain
            + "    [Call]\n    public int Get()\n    {\n        int one = Task.FromResult(1).Result;\n        Task.Delay(1).Wait();\n        return one + Task.FromResult(2).GetAwaiter().GetResult();\n    }\n"
            + "}\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new BlockingWaitCodeFix(), "TG0013", BlockingWaitCodeFix.EquivalenceKey, source);

        Assert.Equal(
            Usings + Grain
            + "    [Call]\n    public async ValueTask<int> Get()\n    {\n        int one = await Task.FromResult(1);\n        await Task.Delay(1);\n        return one + await Task.FromResult(2);\n    }\n"
            + "}\n",
            fixedTexts[0]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    private static Task FixesAsync(string before, string after) =>
        CodeFixAssert.FixesAsync(new BlockingWaitCodeFix(), "TG0013", BlockingWaitCodeFix.EquivalenceKey, before, after);
}
