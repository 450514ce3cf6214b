/** An access token the lab issued (RS256, typ at+jwt), and what it decodes to; shared by the token tests. */

export const LAB_ACCESS_TOKEN =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6Ik8wUDc1bGMwVWo4TDdTaU5VelFOOHUtYk5TUEVJajFQOXU4bzRrY29wVVEifQ.eyJqdGkiOiIyTmRjZnlGWEFZYjczWDJXbHF0YktudTBUX1RiVGNlaGsxSFVub0pKUkdVIiwic3ViIjoiYWRtaW4iLCJpYXQiOjE3OTU3NDE1MDUsImV4cCI6MTc5NTc0MjQwNSwic2NvcGUiOiJtY3A6dG9vbHMiLCJjbGllbnRfaWQiOiJMVFNzTmNGSkNCc3RlcHVLQWRuNVZ5WFZTMFpYUFVVcExFSkExd1BZR00xIiwiaXNzIjoiaHR0cDovLzEyNy4wLjAuMTozOTI3OS9yZWFsbXMvZGVtbyIsImF1ZCI6Imh0dHA6Ly8xMjcuMC4wLjE6NDU5MDEvbWNwIn0.XUyQFHAANi4XaZ8ZWWlru4O-EnrVZV74COUs1PvGQMOe-bFthqQGaqqAqG_LrVeOUkKUnjlM91ztEPR-xyQ-TlT421CJzTjm7zuCsFAWgaTyonR-9ovd4Wx6nKjJTfxPy4Zzk4U7acaFfYKYWx0f_sBxbpEG0bBQg2R_h90cu3WGDKZLR1mCRUJQiXUgCw4GL4AyqN0sOs6DqZY7rpd7q7g7W3yNuTovXHjhXiXkAqfuHgzZN-6AvY0Fic_42Ak5jLdmegiClC_Bf1t3Hr0UdWlp9nhzF5jA-77pG_GEM_BpzZhimC8l23WDGz4fxqYagpfAfvPrBx8_ute8VEO4nw';

export const LAB_ACCESS_TOKEN_HEADER = { alg: 'RS256', typ: 'at+jwt', kid: 'O0P75lc0Uj8L7SiNUzQN8u-bNSPEIj1P9u8o4kcopUQ' };

export const LAB_ACCESS_TOKEN_CLAIMS = {
  jti: '2NdcfyFXAYb73X2WlqtbKnu0T_TbTcehk1HUnoJJRGU',
  sub: 'admin',
  iat: 1795741505,
  exp: 1795742405,
  scope: 'mcp:tools',
  client_id: 'LTSsNcFJCBstepuKAdn5VyXVS0ZXPUUpLEJA1wPYGM1',
  iss: 'http://127.0.0.1:39279/realms/demo',
  aud: 'http://127.0.0.1:45901/mcp',
};
