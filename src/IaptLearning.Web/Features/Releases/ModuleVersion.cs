using System.Globalization;

namespace IaptLearning.Web.Features.Releases;

/// <summary>A module's <c>MAJOR.MINOR.PATCH</c>, as the validator accepts it, compared by number.</summary>
public readonly record struct ModuleVersion(int Major, int Minor, int Patch) : IComparable<ModuleVersion>
{
    public static ModuleVersion? TryParse(string? text)
    {
        var parts = text?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new ModuleVersion(numbers[0], numbers[1], numbers[2]);
    }

    public int CompareTo(ModuleVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    public static bool operator <(ModuleVersion left, ModuleVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(ModuleVersion left, ModuleVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(ModuleVersion left, ModuleVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ModuleVersion left, ModuleVersion right) => left.CompareTo(right) >= 0;

    /// <summary>The three versions that may follow this one: a correction, new material, or a change to what a completion means.</summary>
    public string NextChoices() =>
        $"{Major}.{Minor}.{Patch + 1} (a correction), {Major}.{Minor + 1}.0 (new or changed material) or {Major + 1}.0.0 (earlier completions should no longer count)";

    public override string ToString() => FormattableString.Invariant($"{Major}.{Minor}.{Patch}");
}
