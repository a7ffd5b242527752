namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// Watches the characters handed to XmlReader and refuses, before XmlReader buffers them, a tag, comment,
/// CDATA section or processing instruction longer than <see cref="SafeXml.MaxMarkupCharacters"/>, elements
/// nested deeper than <see cref="SafeXml.MaxDepth"/>, and any DTD. Text between tags is not limited here:
/// XmlReader streams it and the readers take it in chunks.
/// </summary>
internal sealed class MarkupGuard(TextReader inner) : TextReader
{
    private enum State { Text, Open, Bang, BangDash, StartTag, Quoted, EndTag, Comment, CData, Instruction }

    private State state;
    private int length;
    private int depth;
    private int run; // dashes before "-->", brackets before "]]>", a '?' before "?>"
    private char quote;
    private char previous;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0) Scan([(char)c]);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        Scan(buffer[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private void Scan(ReadOnlySpan<char> chars)
    {
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (state == State.Text)
            {
                // Text cannot change the state: jump to the next tag.
                if (c != '<')
                {
                    var next = chars[i..].IndexOf('<');
                    if (next < 0) return;
                    i += next;
                }
                state = State.Open;
                length = 1;
                continue;
            }
            if (++length > SafeXml.MaxMarkupCharacters) throw SafeXml.Unusual();
            switch (state)
            {
                case State.Open:
                    state = c switch { '!' => State.Bang, '?' => State.Instruction, '/' => State.EndTag, _ => State.StartTag };
                    previous = c;
                    run = 0;
                    break;
                case State.Bang:
                    state = c switch
                    {
                        '-' => State.BangDash,
                        '[' => State.CData,
                        // <!DOCTYPE, <!ENTITY…: XmlReader would refuse it too, but this says why.
                        _ => throw new FormatException("Tệp .xlsx chứa khai báo DTD (<!DOCTYPE…>), không được phép: có thể là tệp độc hại."),
                    };
                    break;
                case State.BangDash:
                    state = c == '-' ? State.Comment : State.StartTag;
                    break;
                case State.Comment:
                    if (c == '>' && run >= 2) state = State.Text;
                    else run = c == '-' ? run + 1 : 0;
                    break;
                case State.CData:
                    if (c == '>' && run >= 2) state = State.Text;
                    else run = c == ']' ? run + 1 : 0;
                    break;
                case State.Instruction:
                    if (c == '>' && run > 0) state = State.Text;
                    else run = c == '?' ? 1 : 0;
                    break;
                case State.Quoted:
                    if (c == quote) state = State.StartTag;
                    break;
                case State.EndTag:
                    if (c == '>') { state = State.Text; depth--; }
                    break;
                case State.StartTag:
                    if (c is '"' or '\'') { state = State.Quoted; quote = c; }
                    else if (c == '>')
                    {
                        state = State.Text;
                        if (previous != '/' && ++depth > SafeXml.MaxDepth) throw SafeXml.Unusual();
                    }
                    previous = c;
                    break;
            }
        }
    }
}
