/// The program's version, written into manifests and lineage.
public enum GoodAirVersion {
    public static let current = "0.1.0"
}
