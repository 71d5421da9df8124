import type { Alert } from '../shapes'

/** A few alerts, active and resolved, on the sandbox users' devices. */
export const sandboxAlerts: readonly Alert[] = [
  {
    id: 'alert_ada_outage',
    deviceId: 'dev_ada_powerwall',
    type: 'grid-outage',
    severity: 'warning',
    message: 'Grid outage: the Powerwall supplied the home for 2 h 14 min.',
    createdAt: '2025-01-14T03:12:00.000Z',
    resolvedAt: '2025-01-14T05:26:00.000Z',
  },
  {
    id: 'alert_ada_firmware',
    deviceId: 'dev_ada_powerwall',
    type: 'firmware-update',
    severity: 'info',
    message: 'Firmware 24.4.0 installed.',
    createdAt: '2025-02-02T09:00:00.000Z',
    resolvedAt: null,
  },
  {
    id: 'alert_grace_production',
    deviceId: 'dev_grace_solaredge',
    type: 'low-production',
    severity: 'warning',
    message: 'Production is 40% below the expected yield for the last 3 days.',
    createdAt: '2025-03-09T16:45:00.000Z',
    resolvedAt: null,
  },
  {
    id: 'alert_grace_offline',
    deviceId: 'dev_grace_chargepoint',
    type: 'device-offline',
    severity: 'critical',
    message: 'The charger has not reported for 6 hours.',
    createdAt: '2025-03-10T07:30:00.000Z',
    resolvedAt: null,
  },
]
