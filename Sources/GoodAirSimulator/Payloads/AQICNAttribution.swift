import Foundation

/// One entry of AQICN's `data.attributions` list (`{"url":…,"name":…}`).
///
/// ```swift
/// AQICNAttribution.regionalAgency(latitude: 45.76, longitude: 4.84).name   // "ATMO AuRA"
/// ```
public struct AQICNAttribution: Sendable, Hashable {
    public var url: String
    public var name: String

    /// Memberwise initialiser.
    public init(url: String, name: String) {
        self.url = url
        self.name = name
    }

    /// The French regional air-quality association (AASQA) covering a point, by rough
    /// bounding boxes of the 2016 regions (good enough for the big cities).
    public static func regionalAgency(latitude lat: Double, longitude lon: Double) -> AQICNAttribution {
        func agency(_ url: String, _ name: String) -> AQICNAttribution { AQICNAttribution(url: url, name: name) }
        if lat >= 48.1 && lat <= 49.25 && lon >= 1.45 && lon <= 3.56 {
            return agency("https://www.airparif.fr/", "Airparif")
        }
        if lon < -1.0 && lat > 47.3 && lat < 48.9 {
            return agency("https://www.airbreizh.asso.fr/", "Air Breizh")
        }
        if lat > 48.4 && lon >= -1.9 && lon < 1.8 {
            return agency("https://www.atmonormandie.fr/", "Atmo Normandie")
        }
        if lon > 3.7 && lat > 47.6 && lat < 49.9 || lon > 4.9 && lat > 47.6 {
            return agency("https://www.atmo-grandest.eu/", "Atmo Grand Est")
        }
        if lat > 49.0 {
            return agency("https://www.atmo-hdf.fr/", "Atmo Hauts-de-France")
        }
        if lat >= 46.4 && lat <= 48.6 && lon >= 0.6 && lon < 3.1 {
            return agency("https://www.ligair.fr/", "Lig'Air")
        }
        if lat >= 46.2 && lat <= 48.4 && lon >= 3.1 && lon <= 7.2 {
            return agency("https://www.atmo-bfc.org/", "Atmo Bourgogne-Franche-Comté")
        }
        if lat >= 46.3 && lat <= 48.6 && lon >= -2.6 && lon < 0.9 && (lon < 0 || lat > 47) {
            return agency("https://www.airpl.org/", "Air Pays de la Loire")
        }
        if lat < 44.4 && lon > 4.6 {
            return agency("https://www.atmosud.org/", "AtmoSud")
        }
        if lat >= 44.1 && lat <= 46.5 && lon >= 2.0 {
            return agency("https://www.atmo-auvergnerhonealpes.fr/", "ATMO AuRA")
        }
        if lat < 44.9 && lon >= 0.5 {
            return agency("https://www.atmo-occitanie.org/", "Atmo Occitanie")
        }
        return agency("https://www.atmo-nouvelleaquitaine.org/", "Atmo Nouvelle-Aquitaine")
    }
}
