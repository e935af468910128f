using System.Text.Json;
using System.Text.Json.Serialization;
using CiDoctor.Core;
using CiDoctor.Core.Reports;

namespace CiDoctor.Env.Snapshots;

/// <summary>
/// Reads and writes snapshots as JSON (camelCase, nulls kept so every field is always there),
/// laid out like every CiDoctor document (<see cref="JsonOutput.WriterOptions"/>).
/// </summary>
public static class SnapshotJson
{
    // Names and nulls only: the layout (indentation, escaping) is the writer's.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write(EnvSnapshot snapshot) => JsonOutput.Text(w => JsonSerializer.Serialize(w, snapshot, Options));

    /// <summary>Reads a snapshot file; anything unreadable is one clear <see cref="CiDoctorException"/>.</summary>
    public static EnvSnapshot Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CiDoctorException($"{path}: is a folder; pass a snapshot file written by 'cidoctor env capture --out FILE'");
        }
        if (!File.Exists(path))
        {
            throw new CiDoctorException($"{path}: no such snapshot; write one with 'cidoctor env capture --out {path}'");
        }
        try
        {
            using var stream = File.OpenRead(path);
            var snapshot = JsonSerializer.Deserialize<EnvSnapshot>(stream, Options)
                ?? throw new CiDoctorException($"{path}: the snapshot is empty (null); capture it again with 'cidoctor env capture'");
            if (snapshot.SchemaVersion != EnvSnapshot.CurrentSchemaVersion)
            {
                throw new CiDoctorException($"{path}: snapshot schemaVersion {snapshot.SchemaVersion} is not supported (this cidoctor reads {EnvSnapshot.CurrentSchemaVersion}); capture it again");
            }
            return snapshot;
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $" at line {line + 1}" : "";
            throw new CiDoctorException($"{path}: not a cidoctor snapshot{where} ({e.Message.Split('.')[0]}); write one with 'cidoctor env capture'", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CiDoctorException($"cannot read {path}: {e.Message}", e);
        }
    }
}
