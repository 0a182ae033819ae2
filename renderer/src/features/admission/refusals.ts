// Where a refusal of `stays.admit` belongs on the admission form: the field paths of the main process
// (`members.<i>.placeId`, `members.<i>.personId`, `members.<i>`) become that member's place or person line.

export type MemberField = `members.${number}.placeId` | `members.${number}.personId`;

export function memberErrorTarget(name: string, memberCount: number): MemberField | null {
  const match = /^members\.(\d+)(?:\.(\w+))?$/.exec(name);
  if (match) {
    const index = Number(match[1]);
    if (index >= memberCount) return null;
    return match[2] === 'personId' ? `members.${index}.personId` : `members.${index}.placeId`;
  }
  // A refusal about "the" place or person can only be about the one member admitted.
  if (memberCount === 1 && name === 'placeId') return 'members.0.placeId';
  if (memberCount === 1 && name === 'personId') return 'members.0.personId';
  return null;
}
