// The public half of the EWSI Desktop release key: every update info file
// (latest*.yml, beta*.yml) the app acts on carries an Ed25519 signature by the
// private half, which only the release machine holds
// (scripts/sign-update-manifest.ts; docs/architecture/updates.md, "Signed
// update info"). Built into the app on purpose: no setting, file or variable
// can replace it in an installed app. Rotating the key is a new release with a
// new constant here (`npm run sign-updates -- --new-key DIR` prints one).
export const RELEASE_SIGNING_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAntrETPoJPgWUhRdBdT6upF3/EweAX9e5CBAI4pmDAiM=
-----END PUBLIC KEY-----
`;
