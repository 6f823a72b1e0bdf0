import Foundation

/// What one evaluation changed in the book.
struct IncidentChanges: Sendable {
    var opened: [Incident] = []
    var continuing: [Incident] = []
    var resolved: [Incident] = []
    /// Incidents a reminder was queued for.
    var reminded: [Incident] = []
}

extension IncidentBook {
    /// Applies one evaluation: signals open incidents or refresh open ones; open incidents in
    /// `scope` that are not signalled resolve. With `mailing`, queues the mails due, grouped by
    /// purpose (one mail for everything that opened, one for the reminders due, one for everything
    /// that resolved in this evaluation):
    ///
    /// - an incident that opens gets an opening mail;
    /// - an open incident gets a reminder when ``AlertPolicy/remindInterval`` has passed since the
    ///   last mail the server accepted about it and no mail about it is pending; one never mailed
    ///   (the server was not configured then, or its mail expired) gets an opening mail;
    /// - an incident that resolves is withdrawn from pending opening and reminder mails and gets a
    ///   resolution mail.
    mutating func apply(_ signals: [IncidentSignal], scope: AlertScope, at now: Date, policy: AlertPolicy,
                        mailing: Bool) -> IncidentChanges {
        var changes = IncidentChanges()
        var signalled = Set<String>()
        var openingMail: [Incident] = []
        for signal in signals where signalled.insert(signal.key).inserted {
            guard let index = openIndex(signal.key) else {
                let incident = Incident(opening: signal, at: now)
                incidents.append(incident)
                changes.opened.append(incident)
                openingMail.append(incident)
                continue
            }
            incidents[index].refresh(with: signal, at: now)
            let incident = incidents[index]
            changes.continuing.append(incident)
            guard mailing, !outbox.mentions(incident.id) else { continue }
            if let last = incident.lastMailAt {
                if policy.remindInterval > 0 && now.timeIntervalSince(last) >= policy.remindInterval {
                    changes.reminded.append(incident)
                }
            } else {
                openingMail.append(incident)
            }
        }
        for index in incidents.indices where incidents[index].isOpen && !signalled.contains(incidents[index].key)
            && scope.contains(incidents[index]) {
            incidents[index].state = .resolved
            incidents[index].resolvedAt = now
            outbox.withdraw(incidents[index].id)
            changes.resolved.append(incidents[index])
        }
        if mailing {
            outbox.queue(.opened, openingMail, at: now)
            outbox.queue(.reminder, changes.reminded, at: now)
            outbox.queue(.resolved, changes.resolved, at: now)
        }
        prune(keep: policy.keepResolved, at: now)
        return changes
    }
}
