using System.Buffers.Binary;
using System.IO.Compression;
using static EcomPlan.Web.Infrastructure.SpreadsheetLimits;

namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// The zip package of an .xlsx, opened with its sizes checked before any part is decompressed. Declared sizes
/// can lie, so every part is also read through a stream that counts what really comes out.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private readonly ZipArchive zip;
    private readonly Dictionary<string, ZipArchiveEntry> entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly SpreadsheetLimits limits;
    private long decompressed;

    private XlsxPackage(ZipArchive zip, SpreadsheetLimits limits)
    {
        this.zip = zip;
        this.limits = limits;
    }

    public static FormatException Corrupt() => new("Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.");

    private static FormatException Bomb(string why) => new($"Tệp nén bất thường ({why}): có thể là tệp độc hại.");

    public static XlsxPackage Open(Stream stream, SpreadsheetLimits limits)
    {
        if (!stream.CanSeek) stream = Buffer(stream, limits);
        CheckDirectory(stream, limits.MaxZipEntries);
        var package = new XlsxPackage(new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true), limits);
        try
        {
            long declared = 0;
            foreach (var entry in package.zip.Entries)
            {
                if (entry.Length > limits.CompressionRatioFromBytes && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio)
                    throw Bomb("tỉ lệ nén quá lớn");
                if (entry.Length > limits.MaxPartBytes)
                    throw new FormatException($"Tệp .xlsx có một phần lớn hơn {Megabytes(limits.MaxPartBytes)} khi giải nén.");
                if ((declared += entry.Length) > limits.MaxTotalUncompressedBytes)
                    throw new FormatException($"Tệp .xlsx lớn hơn {Megabytes(limits.MaxTotalUncompressedBytes)} khi giải nén.");
                package.entries.TryAdd(entry.FullName.Replace('\\', '/'), entry);
            }
            return package;
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    public bool Contains(string name) => entries.ContainsKey(name);

    public Stream OpenPart(string name)
    {
        if (!entries.TryGetValue(name, out var entry)) throw Corrupt();
        return new CountingStream(entry.Open(), this, Math.Min(entry.Length, limits.MaxPartBytes), entry.CompressedLength);
    }

    public void Dispose() => zip.Dispose();

    private static MemoryStream Buffer(Stream stream, SpreadsheetLimits limits)
    {
        // ZipArchive needs to seek; it would copy an unseekable stream whole, so copy it here with a bound.
        var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (copy.Length + read > limits.MaxTotalUncompressedBytes)
                throw new FormatException($"Tệp .xlsx lớn hơn {Megabytes(limits.MaxTotalUncompressedBytes)}.");
            copy.Write(chunk, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// Counts the central directory's entries before ZipArchive reads them (it would build an object for each
    /// one, however many), and refuses entries with oversized names or extra fields.
    /// </summary>
    private static void CheckDirectory(Stream stream, int maxEntries)
    {
        var length = stream.Length;
        var tail = new byte[(int)Math.Min(length, 22 + ushort.MaxValue)];
        stream.Position = length - tail.Length;
        stream.ReadExactly(tail);
        var end = tail.Length - 22;
        while (end >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end)) != 0x06054b50) end--;
        if (end < 0) throw Corrupt();
        long count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if (count == ushort.MaxValue || offset == uint.MaxValue)
        {
            // Zip64: the locator just before the end record points to the zip64 end record.
            var start = length - tail.Length + end - 20;
            if (start < 0) throw Corrupt();
            var locator = Bytes(stream, start, 20);
            if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != 0x07064b50) throw Corrupt();
            var record = Bytes(stream, BinaryPrimitives.ReadInt64LittleEndian(locator.AsSpan(8)), 56);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != 0x06064b50) throw Corrupt();
            count = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32));
            offset = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(48));
        }
        var tooMany = new FormatException($"Tệp .xlsx có hơn {N(maxEntries)} phần nén: có thể là tệp độc hại.");
        if (count < 0 || count > maxEntries) throw tooMany;
        if (offset < 0 || offset > length) throw Corrupt();
        // The declared count can lie too: walk the headers themselves (ZipArchive reads while signatures match).
        var header = new byte[46];
        stream.Position = offset;
        for (var seen = 0; stream.Position + header.Length <= length; seen++)
        {
            stream.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x02014b50) break;
            if (seen >= maxEntries) throw tooMany;
            var variable = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30))
                + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            if (variable > 4096) throw Bomb("tên hoặc trường phụ quá dài");
            stream.Seek(variable, SeekOrigin.Current);
        }
        stream.Position = 0;
    }

    private static byte[] Bytes(Stream stream, long position, int count)
    {
        if (position < 0 || position + count > stream.Length) throw Corrupt();
        var bytes = new byte[count];
        stream.Position = position;
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Throws once a part gives more than it declared (or than a part may), or the package more than its total.</summary>
    private sealed class CountingStream(Stream inner, XlsxPackage package, long limit, long compressed) : Stream
    {
        private long total;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            total += read;
            var limits = package.limits;
            if (total > limit)
                throw total > limits.MaxPartBytes
                    ? new FormatException($"Tệp .xlsx có một phần lớn hơn {Megabytes(limits.MaxPartBytes)} khi giải nén.")
                    : Bomb("kích thước giải nén khác với khai báo");
            if (total > limits.CompressionRatioFromBytes && total > compressed * limits.MaxCompressionRatio)
                throw Bomb("tỉ lệ nén quá lớn");
            if ((package.decompressed += read) > limits.MaxTotalUncompressedBytes)
                throw new FormatException($"Tệp .xlsx lớn hơn {Megabytes(limits.MaxTotalUncompressedBytes)} khi giải nén.");
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => total; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
