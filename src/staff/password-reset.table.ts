// A password reset link's token, stored as its hash; kept after use until it expires, so a second
// use can be told apart from a link that never existed.
export interface PasswordResetsTable {
  token_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
