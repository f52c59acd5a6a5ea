namespace IaptLearning.Testing;

/// <summary>Changes a test makes to content files, as an author does in an editor.</summary>
public static class TestFiles
{
    /// <summary>Replaces <paramref name="from"/> with <paramref name="to"/> in the file; the test fails if the file does not contain it.</summary>
    public static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
