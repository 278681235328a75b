namespace IlioCare.Web.Components.Layout;

/// <summary>
/// IlioCare's logo mark, drawn by us (issue 16): the iliopsoas's curve from the lower back over the front of the hip,
/// and the hip joint as a dot. Inline in the header's brand link (no extra request) beside the word "IlioCare" in
/// the system font, which is what a screen reader reads: the drawing itself is hidden from it. The favicon and the
/// app icons (wwwroot/favicon.svg, wwwroot/icons) are the same drawing.
/// </summary>
public static class BrandMark
{
    public const string Svg =
        """<svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="7" fill="#0b5394"/>"""
        + """<path d="M10 4.5c0 8 12 7.5 12 15.5 0 3-1.5 5.5-4 7.5" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round"/>"""
        + """<circle cx="10.5" cy="22.5" r="3" fill="#ffbf47"/></svg>""";
}
