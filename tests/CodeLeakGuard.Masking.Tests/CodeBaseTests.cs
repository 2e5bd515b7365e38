namespace CodeLeakGuard.Masking.Tests;

/// <summary>The test code base itself is what the other tests assume: sizeable, compiling, with secrets planted.</summary>
public class CodeBaseTests
{
    [Fact]
    public void The_code_base_is_sizeable_and_compiles_without_errors()
    {
        Assert.True(TestCodeBase.Files.Count >= 40, $"{TestCodeBase.Files.Count} files");
        Assert.True(TestCodeBase.Files.Sum(f => f.Text.Split('\n').Length) >= 2500);
        var errors = CodeBaseCompilation.Errors(CodeBaseCompilation.Create(TestCodeBase.Files));
        Assert.True(errors.Count == 0, CodeBaseCompilation.Describe(errors));
    }

    [Fact]
    public void Every_planted_secret_is_in_the_code_base()
    {
        var all = string.Concat(TestCodeBase.Files.Select(f => f.Text));
        Assert.DoesNotContain("{{SECRET:", all);
        Assert.All(TestCodeBase.PlantedSecrets, secret => Assert.Contains(secret, all));
    }
}
