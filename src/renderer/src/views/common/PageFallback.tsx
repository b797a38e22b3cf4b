/** What a page shows until it has loaded: why it could not, or that it is loading. */
export function PageFallback({ error }: { error: string | null }) {
  if (error)
    return (
      <div className="empty-state" role="alert">
        {error}
      </div>
    );
  return <div className="view" aria-busy="true" />;
}
