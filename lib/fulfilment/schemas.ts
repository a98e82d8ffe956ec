import { z } from "zod";

export const DELIVERY_TYPES = ["pickup", "delivery", "shipping", "chat"] as const;
export type DeliveryType = (typeof DELIVERY_TYPES)[number];
/** Methods that take the goods to the buyer: they need her address. */
export const NEEDS_ADDRESS: readonly DeliveryType[] = ["delivery", "shipping"];

const minor = z.number().int("must be a whole number of minor units").min(0, "must be 0 or more").max(1_000_000_000);

const deliveryMethodInput = z.object({
  id: z.string().min(1).max(64).optional(),
  type: z.enum(DELIVERY_TYPES),
  name: z.string().trim().min(1, "is required").max(80),
  fee_minor: minor.default(0),
  free_over_minor: minor.nullish(),
  zones: z.array(z.string().trim().min(1).max(80)).max(200).default([]),
  address: z.string().trim().max(300).nullish(),
  instructions: z.string().trim().max(500).nullish().describe("opening hours and how to pick up or receive"),
  active: z.boolean().default(true),
});

export const deliverySettingsInput = z.object({
  methods: z.array(deliveryMethodInput).max(30),
  combine_window_hours: z.number().int("must be a whole number of hours").min(0).max(720).optional(),
});

export type DeliverySettingsInput = z.output<typeof deliverySettingsInput>;

const addressInput = z.object({
  line1: z.string().trim().min(1, "is required").max(200),
  line2: z.string().trim().max(200).nullish(),
  city: z.string().trim().min(1, "is required").max(100),
  region: z.string().trim().min(1, "is required").max(100),
  postal_code: z.string().trim().max(20).nullish(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as CL").optional(),
});
export type AddressInput = z.output<typeof addressInput>;
export type Address = { line1: string; line2: string | null; city: string; region: string; postal_code: string | null; country: string };

export const checkoutDetailsInput = z.object({
  name: z.string().trim().min(1, "is required").max(120),
  phone: z.string().trim().min(1, "is required").max(40),
  email: z.email("must be a valid email address").max(200).nullish().or(z.literal("").transform(() => null)),
  delivery_method_id: z.string().min(1, "is required").max(64),
  address: addressInput.nullish(),
});
export type CheckoutDetailsInput = z.output<typeof checkoutDetailsInput>;
