using System.Numerics;

namespace Typed.Server.Tests.Infrastructure;

/// <summary>Statistics that uniformly random bytes pass and counters, clocks and biased generators fail.</summary>
public static class RandomnessChecks
{
    /// <summary>
    /// Chi-square over 256 byte values has 255 degrees of freedom: mean 255, deviation 22.6.
    /// Eight deviations above the mean: a false alarm is far rarer than one run in a billion.
    /// </summary>
    public const double ByteChiSquareBound = 255 + (8 * 22.6);

    /// <summary>For each bit position, the share of samples with that bit set (0.5 expected).</summary>
    public static double[] ShareOfOnesPerBit(IReadOnlyList<byte[]> samples)
    {
        var bits = samples[0].Length * 8;
        var ones = new int[bits];
        foreach (var sample in samples)
        {
            for (var bit = 0; bit < bits; bit++)
            {
                ones[bit] += (sample[bit / 8] >> (bit % 8)) & 1;
            }
        }

        return [.. ones.Select(count => (double)count / samples.Count)];
    }

    /// <summary>Pearson's chi-square of the byte values of all samples against a uniform spread.</summary>
    public static double ByteChiSquare(IReadOnlyList<byte[]> samples)
    {
        var counts = new long[256];
        long total = 0;
        foreach (var sample in samples)
        {
            foreach (var value in sample)
            {
                counts[value]++;
                total++;
            }
        }

        var expected = total / 256.0;
        return counts.Sum(count => (count - expected) * (count - expected) / expected);
    }

    /// <summary>The mean Hamming distance between each sample and the next (half the bits expected).</summary>
    public static double MeanBitsDifferingFromTheNext(IReadOnlyList<byte[]> samples)
    {
        long differing = 0;
        for (var i = 1; i < samples.Count; i++)
        {
            for (var b = 0; b < samples[i].Length; b++)
            {
                differing += BitOperations.PopCount((uint)(samples[i][b] ^ samples[i - 1][b]));
            }
        }

        return (double)differing / (samples.Count - 1);
    }
}
