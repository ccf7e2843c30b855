/** Links to a meeting's badges PDF: A4 sheets of eight, or one per page for badge printers. */
export function BadgeLinks({ meetingId }: { meetingId: string }) {
  return (
    <>
      Badges (PDF): <a href={`/admin/meetings/${meetingId}/badges.pdf`}>A4 sheets of 8</a> ·{" "}
      <a href={`/admin/meetings/${meetingId}/badges.pdf?layout=single`}>one per page</a>
    </>
  );
}
