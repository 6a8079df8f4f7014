/**
 * The language a report or export is written in: Swedish unless the client asks for English (the web app sends
 * the language its user chose). Reference names follow it too: a register row's English name where it has one.
 */
import { z } from 'zod';

export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const langParam = z.enum(LANGS).default('sv')
  .meta({ description: 'Språket för rubriker, etiketter och registrens namn: sv (standard) eller en (engelska namn där registret har dem, annars de svenska)' });

/** A register row's name in `lang`: its English name when English is asked for and it has one. */
export const nameIn = (lang: Lang, row: { name: string; nameEn?: string | null }): string => (lang === 'en' && row.nameEn ? row.nameEn : row.name);
