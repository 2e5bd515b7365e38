using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLeakGuard.Analyzers.Secrets;

/// <summary>
/// The name a value is given to, in the shapes C# offers: <c>var password = v</c>, <c>string ApiKey { get; } = v</c>,
/// <c>x.Token = v</c>, <c>config["ApiKey"] = v</c>, <c>["ApiKey"] = v</c>, <c>Connect(password: v)</c>,
/// <c>new { Secret = v }</c>, <c>[Auth(Key = v)]</c> and <c>{ "ClientSecret", v }</c>.
/// </summary>
internal static class SensitiveAssignment
{
    public static (string? Name, ExpressionSyntax? Value) Find(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax declarator => (declarator.Identifier.ValueText, declarator.Initializer?.Value),
        PropertyDeclarationSyntax property => (property.Identifier.ValueText, property.Initializer?.Value ?? property.ExpressionBody?.Expression),
        AssignmentExpressionSyntax assignment => (TargetName(assignment.Left), assignment.Right),
        ArgumentSyntax { NameColon: { } nameColon } argument => (nameColon.Name.Identifier.ValueText, argument.Expression),
        AttributeArgumentSyntax { NameEquals: { } nameEquals } attributeArgument => (nameEquals.Name.Identifier.ValueText, attributeArgument.Expression),
        AttributeArgumentSyntax { NameColon: { } nameColon } attributeArgument => (nameColon.Name.Identifier.ValueText, attributeArgument.Expression),
        AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals } member => (nameEquals.Name.Identifier.ValueText, member.Expression),
        InitializerExpressionSyntax { Expressions.Count: 2 } pair => (StringValue(pair.Expressions[0]), pair.Expressions[1]),
        _ => (null, null),
    };

    private static string? TargetName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1 => StringValue(element.ArgumentList.Arguments[0].Expression),
        ImplicitElementAccessSyntax element when element.ArgumentList.Arguments.Count == 1 => StringValue(element.ArgumentList.Arguments[0].Expression),
        _ => null,
    };

    private static string? StringValue(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
}
