namespace ElectionLint.Rules.Profile
{
    public enum NetworkKind
    {
        Lan,
        Wan,
    }
}
