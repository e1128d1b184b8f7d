import type { Basis } from '../../../../scripts/pipeline/model.ts';

/** Sentences from the seed articles with hand-assigned labels (the fixture the labeller is held to). */
export const labelledSeedSentences: { seed: string; text: string; basis: Basis }[] = [
  // 000: American-conservative commentary
  { seed: '000', text: 'The Trump administration has prioritized transferring ISIS detainees to Iraq while pursuing a broader drawdown of American forces—a sensible approach that avoids the nation-building disasters of previous administrations.', basis: 'opinion' },
  { seed: '000', text: 'Vladimir Putin hosted Syria’s interim President Ahmed al-Sharaa at the Kremlin on January 28, 2026, marking a dramatic shift from Russia’s decade-long support of Bashar al-Assad.', basis: 'opinion' },
  { seed: '000', text: 'Russia withdrew forces from Qamishli airport in Syria’s Kurdish-controlled northeast earlier in January 2026, a move Syrian officials interpreted as goodwill to avoid entanglement in Damascus’s offensive against US-backed Syrian Democratic Forces.', basis: 'attributed' },
  { seed: '000', text: 'Kremlin spokesman Dmitry Peskov confirmed that discussions about Hmeimim airbase and Tartus naval base—Russia’s only military facilities outside former Soviet states—were “no doubt” held during the Putin-Sharaa summit.', basis: 'attributed' },
  { seed: '000', text: 'The meeting focused on restoring bilateral relations and Syria’s territorial integrity while addressing the future of Russian military installations.', basis: 'assertion' },
  { seed: '000', text: 'Putin praised Sharaa’s unity efforts and congratulated him on territorial gains against Kurdish forces.', basis: 'assertion' },
  { seed: '000', text: 'President Trump spoke with Sharaa hours before the Kremlin meeting, focusing on maintaining ceasefire agreements with Kurdish-led SDF forces in eastern Syria.', basis: 'assertion' },
  { seed: '000', text: 'The coordinated withdrawals by both powers suggest a mutual recognition that Syria’s internal consolidation serves neither nation’s interest to obstruct directly.', basis: 'opinion' },
  // 001
  { seed: '001', text: '“The return of eastern Syria to Damascus’s control is an important step,” Putin said.', basis: 'quote' },
  { seed: '001', text: '“Russia has supported Syria’s territorial integrity and unity, and has also played a historic role in the stability of the region,” President Putin stated during the meeting.', basis: 'quote' },
  { seed: '001', text: 'Days before the scheduled meeting, Russian forces began a phased withdrawal from Qamishli Airport in northeast Syria, relocating personnel and equipment to the Hmeimim Air Base in Latakia, according to a security source cited by Shafaq News last week.', basis: 'attributed' },
  { seed: '001', text: 'While the US trained and weaponized the SDF for years, Washington appears to be throwing its Kurdish allies under the bus once again.', basis: 'opinion' },
  { seed: '001', text: 'Russia seems to be hinting that it is OK with a draw down so long as the Americans exit the region too.', basis: 'opinion' },
  { seed: '001', text: 'Kremlin spokesman Peskov had previously said ahead of Sharaa being hosted in Moscow that "the presence of our soldiers in Syria" would be discussed.', basis: 'attributed' },
  // 002
  { seed: '002', text: 'The source said the evacuation began on 23 January under a decision to clear the site of Russian presence, starting with two Ilyushin cargo aircraft transporting heavy equipment, followed by vehicles and individual soldiers.', basis: 'attributed' },
  { seed: '002', text: 'Russia has issued no official statement confirming the withdrawal from Qamishli, even as it retains air and naval bases along Syria’s coast.', basis: 'assertion' },
  { seed: '002', text: 'The visit comes as Moscow recalibrates relations with Damascus following the ousting of former Syrian president Bashar al-Assad in December 2024, despite Russia’s decade-long military intervention that once kept him in power.', basis: 'assertion' },
  { seed: '002', text: 'Those efforts appear to have stalled due to regional objections.', basis: 'opinion' },
  { seed: '002', text: 'Russian President Vladimir Putin is set to host Syria’s self-appointed President Ahmad al-Sharaa in Moscow this week to discuss the post-Assad “transitional period” and regional developments, the Kremlin announced on 27 January.', basis: 'attributed' },
  { seed: '002', text: 'Ahmed Ali, an SDF fighter deployed at the facility, said the Russians withdrew equipment by cargo plane, adding, “We don’t know if its destination was Russia or the Hmeimim Air Base.”', basis: 'attributed' },
  // 003
  { seed: '003', text: 'Putin is also likely to emphasize themes of statehood and sovereignty, portraying Russia as a stabilizing force rather than a patron of a deposed ruler.', basis: 'opinion' },
  { seed: '003', text: 'Putin and Sharaa first met in Moscow on October 15, 2025, in a summit billed as an effort to “reset” relations after Assad’s fall.', basis: 'assertion' },
  { seed: '003', text: 'He may accept a continued Russian presence, but only under terms that emphasize Syrian sovereignty-through revised agreements, clearer oversight, or reframing the mission in humanitarian or counterterrorism terms.', basis: 'opinion' },
  { seed: '003', text: 'The Kremlin has said the talks will address the “state and prospects” of bilateral relations and the broader Middle East, with Russian media framing the visit as focused on the “transitional period.”', basis: 'attributed' },
  { seed: '003', text: 'Rather than sweeping agreements, the Kremlin is expected to favor modular, transactional arrangements-revised basing terms, limited economic projects, and symbolic political gestures-that keep Russia relevant without large commitments.', basis: 'opinion' },
  // 004
  { seed: '004', text: 'On 15th of October 2025 President Vladimir Putin met President Ahmed al‑Sharaa of Syria in Moscow.', basis: 'assertion' },
  { seed: '004', text: 'Chatham House analysts described the fall as damaging Russia’s reputation as a reliable ally.', basis: 'attributed' },
  { seed: '004', text: 'The invitation is a calculated gamble.', basis: 'opinion' },
  { seed: '004', text: 'Russia postponed the Arab‑Russia summit to avoid undercutting diplomatic dynamics in Gaza, demonstrating willingness to defer to Arab priorities.', basis: 'opinion' },
  { seed: '004', text: 'Press reports indicate that discussions explicitly included preserving these strategic footholds.', basis: 'attributed' },
  { seed: '004', text: 'Moscow retains military access at its bases in Hmeimim (air) and Tartus (naval), but the terms of those leases are now uncertain.', basis: 'assertion' },
];
