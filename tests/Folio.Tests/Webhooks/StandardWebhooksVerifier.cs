using System.Diagnostics;
using System.Text.Json;

namespace Folio.Tests.Webhooks;

/// <summary>
/// Verifies deliveries with the Standard Webhooks project's own library (npm <c>standardwebhooks</c>, run by node from
/// Verifier/verify.js), so that Folio's signatures are checked by code that is not Folio's. The receiver's clock is
/// passed with each check, since the library compares the timestamp with it.
/// </summary>
public sealed class StandardWebhooksVerifier : IDisposable
{
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private readonly Process _node;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private StandardWebhooksVerifier(Process node) => _node = node;

    public static async Task<StandardWebhooksVerifier> Start()
    {
        var folder = Folder();
        await Installing.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "standardwebhooks")))
            {
                await Run("npm", "ci --no-audit --no-fund", folder);
            }
        }
        finally
        {
            Installing.Release();
        }

        var node = Process.Start(new ProcessStartInfo("node", "verify.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        return new StandardWebhooksVerifier(node);
    }

    /// <summary>Null when the delivery verifies with <paramref name="secret"/> at <paramref name="now"/>; otherwise the library's complaint.</summary>
    public async Task<string?> Verify(string secret, byte[] body, IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        var request = JsonSerializer.Serialize(new
        {
            secret,
            body = Convert.ToBase64String(body),
            headers = new Dictionary<string, string>
            {
                ["webhook-id"] = headers["webhook-id"],
                ["webhook-timestamp"] = headers["webhook-timestamp"],
                ["webhook-signature"] = headers["webhook-signature"],
            },
            now = now.ToUnixTimeSeconds(),
        });
        await _gate.WaitAsync();
        try
        {
            await _node.StandardInput.WriteLineAsync(request);
            await _node.StandardInput.FlushAsync();
            var line = await _node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) ?? throw new InvalidOperationException("The verifier stopped.");
            var answer = JsonDocument.Parse(line).RootElement;
            return answer.GetProperty("ok").GetBoolean() ? null : answer.GetProperty("error").GetString();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _node.StandardInput.Close();
        if (!_node.WaitForExit(10_000))
        {
            _node.Kill();
        }

        _node.Dispose();
        _gate.Dispose();
    }

    private static string Folder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var verifier = Path.Combine(folder.FullName, "tests", "Folio.Tests", "Webhooks", "Verifier");
            if (File.Exists(Path.Combine(verifier, "verify.js")))
            {
                return verifier;
            }
        }

        throw new InvalidOperationException("tests/Folio.Tests/Webhooks/Verifier not found above the test assembly.");
    }

    private static async Task Run(string file, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {await output}{await error}");
        }
    }
}
