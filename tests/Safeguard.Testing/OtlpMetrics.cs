using System.Text;

namespace Safeguard.Testing;

/// <summary>One data point of a gauge or sum as a service exported it: the service, the instrument, its labels and value.</summary>
public sealed record MetricPoint(string Service, string Name, IReadOnlyDictionary<string, string> Labels, double Value, ulong TimeUnixNano);

/// <summary>
/// Reads the gauges and sums out of an OTLP ExportMetricsServiceRequest (opentelemetry-proto's metrics.proto) from
/// the protobuf wire format directly: the few fields a test asserts on, no generated classes. Histograms and
/// everything else are skipped.
/// </summary>
public static class OtlpMetrics
{
    public static IEnumerable<MetricPoint> Parse(byte[] request)
    {
        var points = new List<MetricPoint>();
        foreach (var resourceMetrics in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var fields = Fields(resourceMetrics).ToList();
            var resource = fields.Where(f => f.Number == 1).Select(f => f.Bytes).FirstOrDefault() ?? [];
            var service = Attributes(Fields(resource).Where(f => f.Number == 1)).GetValueOrDefault("service.name", "");
            foreach (var scope in fields.Where(f => f.Number == 2).Select(f => f.Bytes))
            {
                foreach (var metric in Fields(scope).Where(f => f.Number == 2).Select(f => Fields(f.Bytes).ToList()))
                {
                    var name = metric.Where(f => f.Number == 1).Select(f => Encoding.UTF8.GetString(f.Bytes)).FirstOrDefault() ?? "";
                    // Gauge = 5, Sum = 7: both hold NumberDataPoints in their field 1.
                    foreach (var data in metric.Where(f => f.Number is 5 or 7).Select(f => f.Bytes))
                    {
                        points.AddRange(Fields(data).Where(f => f.Number == 1).Select(f => Point(service, name, f.Bytes)));
                    }
                }
            }
        }
        return points;
    }

    private static MetricPoint Point(string service, string name, byte[] dataPoint)
    {
        var fields = Fields(dataPoint).ToList();
        var value = 0d;
        ulong time = 0;
        foreach (var field in fields)
        {
            switch (field.Number)
            {
                case 3: time = field.Fixed; break;
                case 4: value = BitConverter.Int64BitsToDouble((long)field.Fixed); break;
                case 6: value = (long)field.Fixed; break;
            }
        }
        return new MetricPoint(service, name, Attributes(fields.Where(f => f.Number == 7)), value, time);
    }

    /// <summary>KeyValue { key = 1; AnyValue value = 2 }, AnyValue { string = 1; bool = 2; int = 3; double = 4 }, as text.</summary>
    private static Dictionary<string, string> Attributes(IEnumerable<Field> keyValues)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var keyValue in keyValues.Select(f => Fields(f.Bytes).ToList()))
        {
            var key = keyValue.Where(f => f.Number == 1).Select(f => Encoding.UTF8.GetString(f.Bytes)).FirstOrDefault() ?? "";
            var any = keyValue.Where(f => f.Number == 2).Select(f => Fields(f.Bytes).FirstOrDefault()).FirstOrDefault();
            attributes[key] = any switch
            {
                { Number: 1 } => Encoding.UTF8.GetString(any.Bytes),
                { Number: 2 } => (any.Varint != 0).ToString(),
                { Number: 3 } => ((long)any.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                { Number: 4 } => BitConverter.Int64BitsToDouble((long)any.Fixed).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            };
        }
        return attributes;
    }

    private sealed record Field(int Number, ulong Varint, ulong Fixed, byte[] Bytes);

    private static IEnumerable<Field> Fields(byte[] message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var tag = ReadVarint(message, ref at);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    yield return new Field(number, ReadVarint(message, ref at), 0, []);
                    break;
                case 1:
                    yield return new Field(number, 0, BitConverter.ToUInt64(message, at), []);
                    at += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref at);
                    yield return new Field(number, 0, 0, message[at..(at + length)]);
                    at += length;
                    break;
                case 5:
                    yield return new Field(number, 0, BitConverter.ToUInt32(message, at), []);
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Protobuf wire type {tag & 7} is not used by OTLP.");
            }
        }
    }

    private static ulong ReadVarint(byte[] message, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
