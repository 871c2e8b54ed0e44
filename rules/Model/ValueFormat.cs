namespace ElectionLint.Rules.Model
{
    /// <summary>How a system reads a setting's text. Front ends pass raw text; the engine applies the system's own rules.</summary>
    public enum ValueFormat
    {
        /// <summary>Unsigned integer milliseconds (etcd's <c>uint</c> TickMs / ElectionMs).</summary>
        UnsignedMilliseconds,

        /// <summary>Unsigned integer milliseconds as Go's flag.Uint reads them (etcd flags and ETCD_* variables: 0x, 0o, 0b, octal 0600, 1_000).</summary>
        GoUintMilliseconds,

        /// <summary>Signed 32-bit integer milliseconds (Kafka, ZooKeeper, DotNext <c>int</c>).</summary>
        Int32Milliseconds,

        /// <summary>Milliseconds as C's <c>atoi</c> reads them (sentinel.conf): leading digits, anything after them ignored.</summary>
        AtoiMilliseconds,

        /// <summary>Signed integer seconds (Azure lease duration).</summary>
        IntegerSeconds,

        /// <summary>Go <c>time.ParseDuration</c> text with a unit (Kubernetes, Consul).</summary>
        GoDuration,

        /// <summary>.NET <c>TimeSpan</c> text (appsettings.json, C# values).</summary>
        TimeSpan,

        /// <summary>HOCON duration (Akka).</summary>
        HoconDuration,

        /// <summary>Elasticsearch <c>TimeValue</c> text: a whole number and a unit (1s, 100ms, 10nanos).</summary>
        ElasticTimeValue,

        /// <summary>Any duration syntax of the profile; a bare number takes the declared unit.</summary>
        FlexibleDuration,

        /// <summary>A signed 32-bit integer count.</summary>
        Int32,

        /// <summary>A decimal number (DotNext HeartbeatThreshold).</summary>
        Decimal,

        /// <summary>true / false.</summary>
        Boolean,

        /// <summary>A word (Kafka group.protocol).</summary>
        Text,

        /// <summary>Spring Boot's Duration text: "10s", "500" (the property's unit), "1d", "PT10S"; no fractions.</summary>
        SpringDuration,

        /// <summary>
        /// Integer seconds as Python's <c>int()</c> reads a YAML number (Patroni config.py: <c>config[name] = int(value)</c>):
        /// a fraction is truncated toward zero (30.7 runs as 30); text that is not a number raises ValueError.
        /// </summary>
        PythonIntSeconds,

        /// <summary>
        /// MongoDB's <c>smallExactInt64</c> in milliseconds (repl_set_config.idl): any number within int64 whose value is
        /// whole (2000, 2000.0, 3000000000); 2500.5 is refused.
        /// </summary>
        ExactInt64Milliseconds,

        /// <summary>MongoDB's <c>smallExactInt64</c> in seconds (heartbeatTimeoutSecs).</summary>
        ExactInt64Seconds,
    }
}
