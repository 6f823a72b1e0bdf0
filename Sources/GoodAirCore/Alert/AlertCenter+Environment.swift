import Logging

extension AlertCenter {
    /// The alert center the jobs use: the environment's reminder policy, and mail delivery when
    /// `GOODAIR_SMTP_URL` is set (without it, incidents still go to the alerts page and the log,
    /// and the outcome says mail is off). Bad mail settings throw ``AlertError`` (exit 2).
    ///
    /// ```swift
    /// let center = try AlertCenter.fromEnvironment(GoodAirEnvironment(ProcessInfo.processInfo.environment), lake: lake, clock: clock, logger: logger)
    /// ```
    public static func fromEnvironment(_ environment: GoodAirEnvironment, lake: Lake, clock: LakeClock, logger: Logger) throws -> AlertCenter {
        AlertCenter(lake: lake, policy: try AlertPolicy(environment: environment),
                    delivery: try SMTPSettings(environment: environment).map(AlertDelivery.init(settings:)), clock: clock, logger: logger)
    }
}
