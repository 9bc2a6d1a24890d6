using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Folio.Tests.Support;

/// <summary>The real <c>folio</c> executable in a child process, as a user runs it.</summary>
public sealed partial class FolioProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private FolioProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static string Executable => Path.Combine(AppContext.BaseDirectory, "folio.dll");

    public static async Task<(int ExitCode, string Output, string Error)> Run(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public static FolioProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Starts folio with <paramref name="environment"/> added to its environment (configuration such as <c>Folio__BillRuns__BatchSize</c>).</summary>
    public static FolioProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = StartInfo(workingDirectory, args);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return new FolioProcess(Process.Start(info)!);
    }

    /// <summary>Stops the process where it stands (SIGSTOP), as a debugger would; <see cref="RunFor"/> lets it go on.</summary>
    public void Pause() => Signal(SignalStop);

    /// <summary>Lets a paused process run for about <paramref name="slice"/>, then pauses it again.</summary>
    public void RunFor(TimeSpan slice)
    {
        Signal(SignalContinue);
        // Blocking on purpose: a timer or a thread of the pool can come late on a loaded machine, and the process runs meanwhile.
        Thread.Sleep(slice);
        Signal(SignalStop);
    }

    private const int SignalContinue = 18;
    private const int SignalStop = 19;

    private void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0 && !_process.HasExited)
        {
            throw new InvalidOperationException($"Signal {signal} to process {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Waits for the server to say where it listens; returns that URL.</summary>
    public async Task<string> WaitUntilListening() => ListeningOn().Match(await WaitForLine(l => ListeningOn().IsMatch(l))).Groups[1].Value;

    public async Task<string> WaitForLine(Func<string, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _lines.Reader.WaitToReadAsync(timeout.Token))
        {
            while (_lines.Reader.TryRead(out var line))
            {
                if (predicate(line))
                {
                    return line;
                }
            }
        }

        throw new InvalidOperationException("folio exited before printing the expected line.");
    }

    private bool _disposed;

    /// <summary>Kills the process with SIGKILL (no shutdown) if it still runs; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("FOLIO_DATABASE");
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Tests drive one key far past a real client's pace; a test of the budgets runs them on a budget of its own.
        info.Environment["Folio__RateLimits__Enabled"] = "false";
        return info;
    }

    [GeneratedRegex(@"Folio is listening on (\S+)")]
    private static partial Regex ListeningOn();
}
