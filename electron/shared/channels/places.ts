// Channels for partners, structures, rooms, places and their out-of-service periods, the bed board and
// the Today page.
import { z } from 'zod';
import { GENDERS, PLACE_KINDS, STRUCTURE_TYPES } from '../domain';
import { ALL_ROLES, MANAGERS, channel, idSchema, isoDate, optionalDate, optionalText, requiredText } from '../schema-kit';

const languageCode = z.string().regex(/^[a-z]{2}$/, { error: 'validation.invalid' });

export const partnerSchema = z.strictObject({ id: idSchema, name: z.string(), active: z.boolean() });
export type Partner = z.infer<typeof partnerSchema>;

const structureFlags = {
  womenOnly: z.boolean(),
  childrenAllowed: z.boolean(),
  accessible: z.boolean(),
  lgbtSafe: z.boolean(),
  languages: z.array(languageCode).max(20),
};

/** What lists show of a structure: never its address. */
export const structureSummarySchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  type: z.enum(STRUCTURE_TYPES),
  partnerId: idSchema,
  partnerName: z.string(),
  ...structureFlags,
  active: z.boolean(),
  rooms: z.number().int(),
  /** Places active today. */
  places: z.number().int(),
  /** Active today, in service, and nobody placed there tonight. */
  freeToday: z.number().int(),
  occupiedToday: z.number().int(),
  outOfServiceToday: z.number().int(),
});
export type StructureSummary = z.infer<typeof structureSummarySchema>;

export const outOfServiceSchema = z.strictObject({
  id: idSchema,
  placeId: idSchema,
  reason: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});
export type OutOfService = z.infer<typeof outOfServiceSchema>;

export const placeSchema = z.strictObject({
  id: idSchema,
  roomId: idSchema,
  label: z.string(),
  kind: z.enum(PLACE_KINDS),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
  outOfService: z.array(outOfServiceSchema),
});
export type Place = z.infer<typeof placeSchema>;

export const roomSchema = z.strictObject({
  id: idSchema,
  structureId: idSchema,
  name: z.string(),
  active: z.boolean(),
  places: z.array(placeSchema),
});
export type Room = z.infer<typeof roomSchema>;

export const structureDetailSchema = structureSummarySchema.extend({
  /** The confidential address: null when empty, or when the caller's role may not see it (see addressHidden). */
  address: z.string().nullable(),
  addressHidden: z.boolean(),
  roomList: z.array(roomSchema),
});
export type StructureDetail = z.infer<typeof structureDetailSchema>;

export const structureInputSchema = z.strictObject({
  id: idSchema.optional(),
  partnerId: idSchema,
  name: requiredText(120),
  type: z.enum(STRUCTURE_TYPES, { error: 'validation.required' }),
  address: optionalText(300),
  ...structureFlags,
  active: z.boolean().default(true),
});

export const boardPlaceSchema = z.strictObject({
  placeId: idSchema,
  label: z.string(),
  kind: z.enum(PLACE_KINDS),
  roomId: idSchema,
  roomName: z.string(),
  structureId: idSchema,
  structureName: z.string(),
  structureType: z.enum(STRUCTURE_TYPES),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
});
export const boardBarSchema = z.strictObject({
  placementId: idSchema,
  placeId: idSchema,
  personId: idSchema,
  stayId: idSchema,
  /** The person's alias, or their code when restricted. */
  label: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  plannedEnd: z.string().nullable(),
});
export type BoardPlace = z.infer<typeof boardPlaceSchema>;
export type BoardBar = z.infer<typeof boardBarSchema>;

/** A stretch of usable nights of a place: from `from` (never before the question's first night) to
 * `until`, the first night it is no longer usable (a later booking, an out-of-service period, the end of its
 * active period); null: usable from then on. */
export const freeRunSchema = z.strictObject({ from: z.string(), until: z.string().nullable() });
export type FreeRun = z.infer<typeof freeRunSchema>;

/** Who the places are for: a registered person, or the facts of someone not registered yet. */
export const guestSchema = z.union([
  z.strictObject({ personId: idSchema }),
  z.strictObject({
    gender: z.enum(GENDERS, { error: 'validation.required' }),
    birthDate: isoDate.nullable(),
    birthYear: z.number().int().min(1900).max(2100).nullable(),
  }),
]);

export const availablePlaceSchema = boardPlaceSchema.extend({
  womenOnly: z.boolean(),
  childrenAllowed: z.boolean(),
  /** Usable nights from the first night asked for on, in order; the place takes someone from `from`
   * when the first run starts there. */
  free: z.array(freeRunSchema),
  /** The guests (by index in the question) this place's structure refuses on the first night asked for. */
  refusals: z.array(z.strictObject({ guest: z.number().int(), code: z.enum(['WOMEN_ONLY_STRUCTURE', 'CHILDREN_NOT_ALLOWED']) })),
});
export type AvailablePlace = z.infer<typeof availablePlaceSchema>;

export const availabilityInputSchema = z.strictObject({
  from: isoDate,
  /** Last night asked for is the one before `to`; null: the first night only (and how long it stays free). */
  to: optionalDate,
  guests: z.array(guestSchema).max(20).default([]),
  structureId: idSchema.optional(),
});

const countRow = z.strictObject({ personId: idSchema, code: z.string(), label: z.string(), date: z.string(), structureName: z.string().nullable(), stayId: idSchema.nullable() });

export const placesChannels = {
  'partners.list': channel({ input: z.strictObject({}), output: z.array(partnerSchema), access: ALL_ROLES }),
  'partners.save': channel({
    input: z.strictObject({ id: idSchema.optional(), name: requiredText(120), active: z.boolean().default(true) }),
    output: partnerSchema,
    access: MANAGERS,
  }),
  'structures.list': channel({
    input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    output: z.array(structureSummarySchema),
    access: ALL_ROLES,
  }),
  'structures.get': channel({ input: z.strictObject({ id: idSchema }), output: structureDetailSchema, access: ALL_ROLES }),
  'structures.save': channel({ input: structureInputSchema, output: structureDetailSchema, access: MANAGERS }),
  'rooms.save': channel({
    input: z.strictObject({ id: idSchema.optional(), structureId: idSchema, name: requiredText(80), active: z.boolean().default(true) }),
    output: structureDetailSchema,
    access: MANAGERS,
  }),
  'places.save': channel({
    input: z.strictObject({
      id: idSchema.optional(),
      roomId: idSchema,
      label: requiredText(40),
      kind: z.enum(PLACE_KINDS),
      activeFrom: isoDate,
      activeTo: optionalDate,
    }),
    output: structureDetailSchema,
    access: MANAGERS,
  }),
  'places.addOutOfService': channel({
    input: z.strictObject({ placeId: idSchema, reason: requiredText(200), fromDate: isoDate, toDate: optionalDate }),
    output: structureDetailSchema,
    access: ALL_ROLES,
  }),
  'places.removeOutOfService': channel({
    input: z.strictObject({ id: idSchema }),
    output: structureDetailSchema,
    access: MANAGERS,
  }),
  /** The bed board for the nights from ≤ d < to. */
  'board.get': channel({
    input: z.strictObject({ from: isoDate, to: isoDate, structureId: idSchema.optional() }),
    output: z.strictObject({ places: z.array(boardPlaceSchema), bars: z.array(boardBarSchema), outOfService: z.array(outOfServiceSchema) }),
    access: ALL_ROLES,
  }),
  /** Which places can take these guests from `from` to `to`: the one answer the board's free cells, the
   * admission's pickers and matching all use (see electron/core/services/availability.ts). */
  'places.available': channel({
    input: availabilityInputSchema,
    output: z.strictObject({ places: z.array(availablePlaceSchema) }),
    access: ALL_ROLES,
  }),
  /** The desk's day: free places now, arrivals and exits, overdue stays, expiring permits, waiting referrals. */
  'today.get': channel({
    input: z.strictObject({ date: isoDate }),
    output: z.strictObject({
      freeByStructure: z.array(z.strictObject({
        structureId: idSchema, name: z.string(), type: z.enum(STRUCTURE_TYPES), womenOnly: z.boolean(), childrenAllowed: z.boolean(), free: z.number().int(), freeBeds: z.number().int(), freeCots: z.number().int(), total: z.number().int(),
      })),
      arrivalsToday: z.array(countRow),
      /** The seven days from the date, the date included (so they hold today's arrivals and exits too). */
      arrivalsWeek: z.array(countRow),
      plannedExitsToday: z.array(countRow),
      plannedExitsWeek: z.array(countRow),
      /** Open stays whose planned end is before the date. */
      overdue: z.array(countRow),
      permitsExpiring30: z.array(countRow),
      permitsExpiring60: z.array(countRow),
      pendingReferrals: z.array(z.strictObject({ id: idSchema, receivedAt: z.string(), source: z.string(), people: z.number().int(), urgency: z.string(), waitingHours: z.number() })),
    }),
    access: ALL_ROLES,
  }),
} as const;
