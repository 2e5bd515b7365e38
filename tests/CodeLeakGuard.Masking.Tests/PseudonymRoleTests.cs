using System.Text.RegularExpressions;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Pseudonyms say what a name is, with or without a compilation.</summary>
public class PseudonymRoleTests
{
    private const string Code = """
        namespace Contoso.Fulfilment
        {
            public delegate void ParcelHandler(Parcel parcel);

            public interface IParcelRouter { void ForwardParcel(Parcel parcel); }

            public enum ParcelSize { Letter, Bulky }

            public readonly struct ParcelWeight { public decimal Kilograms { get; init; } }

            public sealed class Parcel
            {
                private readonly ParcelWeight _weight;
                public const int MaxStops = 3;

                public event ParcelHandler? Dispatched;

                public Parcel(ParcelWeight weight) => _weight = weight;

                public TCourier AssignCourier<TCourier>(TCourier courierName, int courierTries)
                {
                    var triesLeft = courierTries;
                retryCourier:
                    if (--triesLeft > 0) goto retryCourier;
                    return courierName;
                }
            }
        }
        """;

    [Fact]
    public void Every_role_is_written_with_its_name()
    {
        foreach (Session.PseudonymRole role in System.Enum.GetValues(typeof(Session.PseudonymRole)))
        {
            Assert.Equal(role.ToString(), Session.PseudonymRoles.Word(role));
        }
    }

    [Fact]
    public void Without_a_compilation_roles_come_from_the_token_stream()
    {
        var masked = new MaskingSession().Mask(Code, MaskKind.CSharp).Text;
        AssertRoles(masked);
    }

    [Fact]
    public void With_a_compilation_roles_come_from_the_symbols()
    {
        var compilation = CodeBaseCompilation.Create([("Parcel.cs", Code)]);
        var masked = new MaskingSession().Mask(Code, compilation).Text;
        AssertRoles(masked);
        Assert.Empty(CodeBaseCompilation.Errors(CodeBaseCompilation.Create([("Parcel.cs", masked)])));
    }

    private static void AssertRoles(string masked)
    {
        Assert.Matches(@"namespace Namespace\d+\.Namespace\d+", masked);
        Assert.Matches(@"public delegate void Delegate\d+\(Class\d+ param\d+\);", masked);
        Assert.Matches(@"public interface Interface\d+ \{ void Method\d+\(", masked);
        Assert.Matches(@"public enum Enum\d+ \{ EnumMember\d+, EnumMember\d+ \}", masked);
        Assert.Matches(@"public readonly struct Struct\d+ \{ public decimal Property\d+ \{ get; init; \} \}", masked);
        Assert.Matches(@"private readonly Struct\d+ _field\d+;", masked);
        Assert.Matches(@"public const int Field\d+ = 3;", masked);
        Assert.Matches(@"public event Delegate\d+\? Event\d+;", masked);
        Assert.Matches(@"public TypeParam\d+ Method\d+<TypeParam\d+>\(TypeParam\d+ param\d+, int param\d+\)", masked);
        Assert.Matches(@"var local\d+ = param\d+;", masked);
        Assert.Matches(@"label\d+:\s+if \(--local\d+ > 0\) goto label\d+;", masked); // the real label starts lower-case
        Assert.DoesNotMatch("Parcel|Fulfilment|Contoso|Courier|courier|retry|tries|Tries", masked);
        Assert.Equal(masked.Length, Regex.Replace(masked, "Name[0-9]+", "Name").Length); // every role was recognised
    }
}
