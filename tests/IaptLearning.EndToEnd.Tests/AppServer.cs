using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>
/// The web app as a child process (<c>dotnet IaptLearning.Web.dll</c>) on Kestrel, 127.0.0.1 and a
/// free port, with its own temp data folder, in the Testing environment with minimum times off.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public AppServer(string? dataPath = null)
    {
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "iapt-e2e-" + Guid.NewGuid().ToString("N"));
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public string DataPath { get; }
    public int Port { get; private set; }
    public int ProcessId => _process?.Id ?? 0;
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public string Log { get { lock (_log) { return _log.ToString(); } } }

    public static string ContentPath => Path.Combine(RepoRoot, "content");

    /// <summary>The content folder this server reads; a temp copy when a test edits content.</summary>
    public string ServedContentPath { get; init; } = ContentPath;

    /// <summary>More command-line settings ("--Key", "value" pairs).</summary>
    public IList<string> ExtraArguments { get; } = [];

    public async Task StartAsync(double minTimeScale = 0)
    {
        Port = FreePort();
        var projectDir = Path.Combine(RepoRoot, "src", "IaptLearning.Web");
        // Same configuration as this test assembly (bin/<Configuration>/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(projectDir, "bin", configuration, "net10.0", "IaptLearning.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build src/IaptLearning.Web first.", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll,
            "--urls", BaseAddress.ToString().TrimEnd('/'),
            "--contentRoot", projectDir,
            "--environment", "Testing",
            "--Content:Path", ServedContentPath,
            "--Storage:DataPath", DataPath,
            "--UseHttpsRedirection", "false",
            // Every link in emails and on certificates: the address the test browser can open.
            "--Site:PublicBaseUrl", BaseAddress.ToString(),
            "--Accounts:FormPostsPerMinute", "100000",
            "--Learning:MinTimeScale", minTimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
        }.Concat(ExtraArguments))
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                var response = await http.GetAsync(new Uri(BaseAddress, "modules"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not start:\n{Log}");
    }

    /// <summary>Starts the app again on the same data folder (on a new port).</summary>
    public async Task RestartAsync(double minTimeScale = 0)
    {
        await KillAsync();
        _process?.Dispose();
        await StartAsync(minTimeScale);
    }

    /// <summary>SIGKILL: no shutdown, no flush; only what SQLite committed survives.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left in temp; harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaptLearning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (IaptLearning.sln).");
    }
}
