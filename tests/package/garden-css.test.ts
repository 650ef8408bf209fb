import { describe, expect, it } from 'vitest'
import { parseRules, selectorMatchesMarkup, withoutDeadDeclarations, type UsedMarkup } from '../../scripts/vite/garden-css.ts'

const markup: UsedMarkup = {
  classes: new Set(['c-btn', 'c-btn--sm', 'c-btn--primary', 'c-btn--danger']),
  classLists: [new Set(['c-btn', 'c-btn--sm']), new Set(['c-btn', 'c-btn--primary']), new Set(['c-btn', 'c-btn--danger'])],
  elements: new Set(['html', 'body', 'main', 'button']),
  words: new Set(['type', 'disabled', 'aria-pressed']),
  inputTypes: new Set(),
}

describe('the Garden purge', () => {
  it.each([
    ['.c-btn', true],
    ['.c-btn.c-btn--sm', true],
    ['.c-btn--primary.c-btn--danger', false], // never on one element
    ['.c-chrome', false], // a Garden class the markup never has
    ['button[disabled]', true],
    ['[tabindex="-1"]', false], // an attribute the markup never writes
    ['pre', false], // an element the markup never renders
    ['[dir=rtl] .c-btn', false],
    ['.c-btn:not(pre)', true], // names inside :not(…) are not required
  ])('%s can match the markup: %s', (selector, matches) => {
    expect(selectorMatchesMarkup(selector, markup)).toBe(matches)
  })

  it('drops declarations a later rule with the same selector overrides, keeps !important ones', () => {
    const rules = parseRules('.c-btn{color:red;height:40px;margin:0!important}.c-btn{color:blue}')
    const ours = parseRules('.c-btn{height:32px;margin:4px}')
    expect(withoutDeadDeclarations(rules, ours, new Set())).toEqual([
      { selectors: ['.c-btn'], declarations: ['margin:0!important'] },
      { selectors: ['.c-btn'], declarations: ['color:blue'] },
    ])
  })

  it('keeps a declaration another selector of its rule still needs', () => {
    const rules = parseRules('.c-btn,.c-btn--sm{color:red}.c-btn{color:blue}')
    expect(withoutDeadDeclarations(rules, [], new Set())[0]).toEqual({ selectors: ['.c-btn', '.c-btn--sm'], declarations: ['color:red'] })
  })

  it('drops custom properties nothing reads and declarations with no effect on desktop', () => {
    const rules = parseRules('html{--tw-shadow:0 0 red;--tw-unused:1px;-webkit-text-size-adjust:100%;color:#000}')
    expect(withoutDeadDeclarations(rules, [], new Set(['--tw-shadow']))).toEqual([{ selectors: ['html'], declarations: ['--tw-shadow:0 0 red', 'color:#000'] }])
  })
})
