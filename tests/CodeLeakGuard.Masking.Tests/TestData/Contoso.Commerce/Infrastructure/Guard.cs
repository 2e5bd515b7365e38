using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Contoso.Commerce.Infrastructure;

/// <summary>Argument checks with the caller's parameter name filled in by the compiler.</summary>
public static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
        where T : class => value ?? throw new ArgumentNullException(parameterName);

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? parameterName = null) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Value must not be blank.", parameterName) : value;

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? parameterName = null) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(parameterName, value, "Value must be positive.");

    public static IReadOnlyCollection<T> NotEmpty<T>(IReadOnlyCollection<T> values, [CallerArgumentExpression(nameof(values))] string? parameterName = null) =>
        values.Count > 0 ? values : throw new ArgumentException("At least one value is required.", parameterName);
}
