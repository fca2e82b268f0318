export interface ComuniTable {
  belfiore: string;
  istat: string;
  name: string;
  province: string;
  cap: string;
}
