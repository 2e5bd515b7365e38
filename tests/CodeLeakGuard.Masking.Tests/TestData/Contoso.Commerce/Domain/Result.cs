using System;

namespace Contoso.Commerce.Domain;

/// <summary>The outcome of an operation that can fail for business reasons (not for bugs: those throw).</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    public string? Error { get; }

    public bool Succeeded => Error is null;

    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"No value: {Error}");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(string error) => new(default, error);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => Succeeded ? Result<TOut>.Success(map(Value)) : Result<TOut>.Failure(Error!);

    public TOut Match<TOut>(Func<T, TOut> onSuccess, Func<string, TOut> onFailure) => Succeeded ? onSuccess(Value) : onFailure(Error!);

    public override string ToString() => Succeeded ? $"Success({_value})" : $"Failure({Error})";
}
