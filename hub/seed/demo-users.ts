import type { Role } from '../../shared/contract/views';

/** Demo accounts printed by `npm start`; real deployments create users through the admin tools. */
export const DEMO_PASSWORD = 'Sportello2026!';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  comune: string;
  /** offices beside the role (hub/db/tables/user-offices.table.ts) */
  offices?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'anagrafe.casale', displayName: 'Giulia Ferrero', role: 'clerk', comune: 'B885' },
  { username: 'anagrafe2.casale', displayName: 'Marco Barbero', role: 'clerk', comune: 'B885' },
  { username: 'supervisore.casale', displayName: 'Elena Gatti', role: 'supervisor', comune: 'B885' },
  {
    username: 'assistente.sociale',
    displayName: 'Silvia Marchetti',
    role: 'clerk',
    comune: 'B885',
    offices: ['servizi_sociali'],
  },
  {
    username: 'supervisore.sociale',
    displayName: 'Roberto Fassio',
    role: 'supervisor',
    comune: 'B885',
    offices: ['servizi_sociali'],
  },
  { username: 'admin.casale', displayName: 'Paolo Cerutti', role: 'admin', comune: 'B885' },
  { username: 'anagrafe.balzola', displayName: 'Laura Bosco', role: 'clerk', comune: 'A605' },
  { username: 'anagrafe.borgosanmartino', displayName: 'Davide Ricci', role: 'clerk', comune: 'B037' },
  { username: 'anagrafe.frassineto', displayName: 'Chiara Rinaldi', role: 'clerk', comune: 'D780' },
  { username: 'anagrafe.ozzano', displayName: 'Stefano Gallo', role: 'clerk', comune: 'G204' },
];
