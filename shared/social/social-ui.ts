/** Screen wording for social services, Italian first, keys prefixed `social.`: owned by the social desk. */
const IT = {} as const;
const EN: Record<keyof typeof IT, string> = {};

export const SOCIAL_UI = { it: IT, en: EN };
