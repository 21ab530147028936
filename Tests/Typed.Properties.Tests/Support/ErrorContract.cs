namespace Typed.Properties.Tests.Support;

/// <summary>
/// Runs a parse that may refuse its input with the exception it documents; any other exception
/// escapes, and fails the property with the input that caused it.
/// </summary>
internal static class ErrorContract
{
    /// <summary>True when the parse accepted the input, false when it refused it with <typeparamref name="TDocumented"/>.</summary>
    public static bool Accepts<TDocumented>(Action parse)
        where TDocumented : Exception
    {
        try
        {
            parse();
            return true;
        }
        catch (TDocumented)
        {
            return false;
        }
    }
}
