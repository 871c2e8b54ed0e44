namespace ElectionLint.Analyzers.Bindings
{
    /// <summary>How a C# value maps onto an engine value.</summary>
    public enum ValueKind
    {
        /// <summary>System.TimeSpan (or TimeSpan?): nanoseconds.</summary>
        TimeSpan,

        /// <summary>An integer (or int?) of milliseconds.</summary>
        Milliseconds,

        /// <summary>An integer of seconds.</summary>
        Seconds,

        /// <summary>A plain number (count, fraction).</summary>
        Number,

        /// <summary>A bool.</summary>
        Boolean,

        /// <summary>An enum member, as its lower-cased name (Confluent's GroupProtocol.Consumer → "consumer").</summary>
        EnumName,

        /// <summary>A string the system parses with the setting's own format.</summary>
        Text,

        /// <summary>A user binding: a TimeSpan as is, a number in the declared unit (<c>heartbeat:ms</c>).</summary>
        Declared,
    }

    /// <summary>One member (property or parameter) of a bound type and the setting it writes.</summary>
    public sealed class MemberBinding
    {
        public MemberBinding(string member, string setting, ValueKind kind, long? unitNanos = null)
        {
            Member = member;
            Setting = setting;
            Kind = kind;
            UnitNanos = unitNanos;
        }

        public string Member { get; }

        public string Setting { get; }

        public ValueKind Kind { get; }

        /// <summary>For user bindings: the unit of a bare number (<c>heartbeat:ms</c>).</summary>
        public long? UnitNanos { get; }
    }

    /// <summary>A type whose instances configure one system: its properties, constructor parameters and Set(key, value).</summary>
    public sealed class TypeBinding
    {
        public TypeBinding(string metadataName, string system, string? variant, params MemberBinding[] members)
        {
            MetadataName = metadataName;
            System = system;
            Variant = variant;
            Members = members;
        }

        /// <summary>The type's metadata name (nested types with '+').</summary>
        public string MetadataName { get; }

        public string System { get; }

        public string? Variant { get; }

        /// <summary>Settable properties (and, by parameter name, constructor parameters).</summary>
        public MemberBinding[] Members { get; }

        /// <summary>Constructor parameters by name (Akka's TimeoutSettings).</summary>
        public MemberBinding[] ConstructorParameters { get; init; } = new MemberBinding[0];

        /// <summary>Keys of a <c>Set(string key, string value)</c> method (Confluent's ClientConfig.Set).</summary>
        public MemberBinding[] SetKeys { get; init; } = new MemberBinding[0];

        /// <summary>True when subclasses are bound too (DotNext's NodeConfiguration).</summary>
        public bool IncludeSubclasses { get; init; }

        /// <summary>
        /// A type of the user's own (a profile binding): an unset member takes the type's initializer when it is in source and
        /// foldable, and is unknown otherwise; constructor parameters set the members they are named after.
        /// </summary>
        public bool IsUserBinding { get; init; }
    }

    /// <summary>A method whose argument is a setting (Azure's BlobLeaseClient.Acquire(TimeSpan duration, …)).</summary>
    public sealed class MethodBinding
    {
        public MethodBinding(string containingType, string system, string[] methods, params MemberBinding[] parameters)
        {
            ContainingType = containingType;
            System = system;
            Methods = methods;
            Parameters = parameters;
        }

        public string ContainingType { get; }

        public string System { get; }

        public string[] Methods { get; }

        public MemberBinding[] Parameters { get; }

        /// <summary>
        /// The bound type (metadata name) the method builds itself from arguments that set none of its timing members
        /// (consuldotnet's <c>CreateLock(string key)</c> is <c>CreateLock(new LockOptions(key))</c>): the call is judged as
        /// that type with its defaults. Null: the method's arguments are the settings (<see cref="Parameters"/>).
        /// </summary>
        public string? Creates { get; init; }

        /// <summary>With <see cref="Creates"/>: the parameter that marks the overloads that build it (not those given an options object).</summary>
        public string? CreatesWith { get; init; }
    }
}
