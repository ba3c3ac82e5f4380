/** A read that failed, said as an alert; nothing otherwise. */
export function LoadFailure({ load }: { load: { status: string; message?: string } }) {
  if (load.status !== 'failed') return null;
  return (
    <p role="alert" className="error">
      {load.message}
    </p>
  );
}
