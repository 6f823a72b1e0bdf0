import GoodAirCore; public enum TPlaceholder {}
