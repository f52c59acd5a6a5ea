namespace IaptLearning.Cli;

// Not top-level statements: with ASP.NET Core referenced, those make a public global Program, which
// would clash with the web app's in the tests that reference both.
internal static class Program
{
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
