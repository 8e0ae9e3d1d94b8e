import { Type, type Static } from 'typebox';

/** Every 4xx/5xx answer of the API has this body. `message` is Chinese; `fields` point at the input. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const Ok = Type.Object({ ok: Type.Literal(true) });
