using Spectre.Console;

namespace CiDoctor.Cli.Rendering;

/// <summary>A Spectre console over a writer: ANSI colour only when asked, never interactive, a fixed width.</summary>
internal static class Terminal
{
    public static IAnsiConsole Create(TextWriter output, bool color, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
