/**
 * Tricky phrases and sentences, both directions, through the site's converter with the site
 * glossary. Every expected output is what a literate Taiwan reader (or mainland reader, for
 * zh-Hans) writes, checked character by character; `rule` marks rows OpenCC alone gets wrong and
 * the glossary fixes (the rule's absence makes the row fail).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/consts.ts';
import { createVariantConverter } from '../../../src/lib/convert/variant-converter.ts';
import { parseGlossary } from '../../../src/lib/convert/glossary.ts';
import { openccConverter } from '../../../src/lib/convert/opencc.ts';

const { entries, errors } = parseGlossary(readFileSync('content/glossary.yaml', 'utf8'), 'content/glossary.yaml');
const converter = createVariantConverter(entries);

type Row = [source: string, expected: string, why?: string];
const rule = 'glossary rule';

const HANS_TO_HANT: Row[] = [
  ['然后', '然後', 'the old converter left 然后'],
  ['注册', '註冊', 'the old converter left 注册'],
  ['大干一场', '大幹一場', 'the old converter left 大干一场'],
  ['头发', '頭髮'],
  ['理发店', '理髮店'],
  ['发展', '發展'],
  ['她的发卡很漂亮', '她的髮卡很漂亮', 'a hairpin stays 髮卡 beside the 發卡 rules'],
  ['方便面', '方便麵'],
  ['面条', '麵條'],
  ['面膜', '面膜'],
  ['见面', '見面'],
  ['台风', '颱風'],
  ['一只猫', '一隻貓'],
  ['只有', '只有'],
  ['制造', '製造'],
  ['制度', '制度'],
  ['放松', '放鬆'],
  ['松树', '松樹'],
  ['范围', '範圍'],
  ['他姓范', '他姓范', rule],
  ['在查看页面有协商历史', '在查看頁面有協商歷史', rule],
  ['投诉卖家具体时间', '投訴賣家具體時間', rule],
  ['买家具体怎么操作', '買家具體怎麼操作', rule],
  ['范冰冰', '范冰冰'],
  ['多余', '多餘'],
  ['余承东表示', '余承東表示', rule],
  ['他姓余', '他姓余', rule],
  ['他姓于', '他姓于', rule],
  ['于东来', '于東來', rule],
  ['姓涂', '姓涂', rule],
  ['涂料', '塗料'],
  ['谷物', '穀物'],
  ['山谷', '山谷'],
  ['征收', '徵收'],
  ['长征', '長征'],
  ['冲突', '衝突'],
  ['冲咖啡', '沖咖啡', rule],
  ['冲奶粉', '沖奶粉', rule],
  ['卷发', '捲髮'],
  ['试卷', '試卷'],
  ['战斗', '戰鬥'],
  ['钟表', '鐘錶'],
  ['钟情', '鍾情'],
  ['干净', '乾淨'],
  ['干部', '幹部'],
  ['若干', '若干'],
  ['这里', '這裡'],
  ['公里', '公里'],
  ['皇后', '皇后'],
  ['银行发卡量', '銀行發卡量', rule],
  ['发卡行', '發卡行', rule],
  ['发卡券', '發卡券', rule],
  ['展示了如何', '展示了如何', rule],
  ['发表了如下声明', '發表了如下聲明', rule],
  ['了如指掌', '瞭如指掌'],
  ['一起惠', '一起惠'],
  ['勇敢的士兵', '勇敢的士兵', 'twp wrote 勇敢計程車兵'],
  ['京东发布了', '京東發佈了', 'twp wrote 釋出; 發佈 and 發布 are both written in Taiwan'],
  ['出租车', '出租車'],
  ['吃饭', '吃飯', 'to: t writes 喫'],
  ['周末', '週末'],
  ['周杰伦', '周杰倫'],
  ['回复', '回覆'],
  ['复杂', '複雜'],
  ['系鞋带', '繫鞋帶'],
  ['关系', '關係'],
  ['注册账号', '註冊帳號', rule],
  ['转账', '轉帳', rule],
  ['当当网', '當當網', rule],
  ['游戏', '遊戲'],
  ['游泳', '游泳'],
  ['采购', '採購'],
  ['合并', '合併'],
  ['沈阳', '瀋陽'],
  ['于是', '於是'],
  ['天猫双十一', '天貓雙十一'],
  ['闲鱼', '閒魚'],
  ['优惠叠加', '優惠疊加'],
  ['划算', '划算'],
  ['计划', '計劃'],
  ['收获', '收穫'],
  ['秒杀包邮', '秒殺包郵'],
  ['双十一当天，银行发卡量创下新高。', '雙十一當天，銀行發卡量創下新高。', rule],
  ['本文展示了如何领取优惠券。', '本文展示了如何領取優惠券。', rule],
  ['他把头发剪短了，然后去注册账号。', '他把頭髮剪短了，然後去註冊帳號。', rule],
  ['我们要大干一场，把面粉和方便面都卖完。', '我們要大幹一場，把麵粉和方便麵都賣完。'],
  ['余承东在发布会后发表了如下声明。', '余承東在發佈會後發表了如下聲明。', rule],
  ['台风过后，他一个人在这里冲咖啡。', '颱風過後，他一個人在這裡沖咖啡。', rule],
];

const HANT_TO_HANS: Row[] = [
  ['頭髮', '头发'],
  ['後來', '后来'],
  ['乾淨', '干净'],
  ['幹部', '干部'],
  ['乾隆', '乾隆'],
  ['這裡', '这里'],
  ['裏面', '里面'],
  ['麵條', '面条'],
  ['麪包', '面包'],
  ['颱風', '台风'],
  ['臺灣', '台湾'],
  ['一隻貓', '一只猫'],
  ['製造', '制造'],
  ['放鬆', '放松'],
  ['範圍', '范围'],
  ['餘額', '余额'],
  ['穀物', '谷物'],
  ['徵收', '征收'],
  ['宮商角徵羽', '宫商角徵羽'],
  ['衝突', '冲突'],
  ['沖咖啡', '冲咖啡'],
  ['捲髮', '卷发'],
  ['戰鬥', '战斗'],
  ['鐘錶', '钟表'],
  ['鍾情', '钟情'],
  ['著名', '著名'],
  ['看著', '看着'],
  ['瞭解', '了解'],
  ['一目瞭然', '一目了然'],
  ['瞭如指掌', '了如指掌'],
  ['於是', '于是'],
  ['註冊', '注册'],
  ['瀋陽', '沈阳'],
  ['喫飯', '吃饭'],
  ['剛纔', '刚才'],
  ['藉口', '借口'],
  ['憑藉', '凭借'],
  ['週末', '周末'],
  ['複雜', '复杂'],
  ['回覆', '回复'],
  ['范冰冰', '范冰冰'],
  ['余承東', '余承东'],
  ['資訊', '资讯'],
  ['帳號', '账号', rule],
  ['轉帳', '转账', rule],
  ['帳單', '账单', rule],
  ['發卡量', '发卡量'],
  ['夥伴', '伙伴'],
  ['什麼', '什么'],
  ['遊戲', '游戏'],
  ['當當網', '当当网'],
  ['一起惠', '一起惠'],
  ['颱風過後，他在這裡沖咖啡。', '台风过后，他在这里冲咖啡。'],
  ['她把頭髮捲起來，然後去註冊帳號。', '她把头发卷起来，然后去注册账号。', rule],
  ['這個系統的複雜程度讓人一目瞭然。', '这个系统的复杂程度让人一目了然。'],
];

describe('conversion table', () => {
  it('the site glossary is valid', () => {
    expect(errors).toEqual([]);
  });
  it.each(HANS_TO_HANT)('zh-Hans→zh-Hant %s', (source, expected) => {
    expect(converter.text(source, 'zh-Hans', 'zh-Hant')).toBe(expected);
  });
  it.each(HANT_TO_HANS)('zh-Hant→zh-Hans %s', (source, expected) => {
    expect(converter.text(source, 'zh-Hant', 'zh-Hans')).toBe(expected);
  });
  it('has at least 60 rows in each direction', () => {
    expect(HANS_TO_HANT.length).toBeGreaterThanOrEqual(60);
    expect(HANT_TO_HANS.length).toBeGreaterThanOrEqual(50);
  });
  // Guards the table itself: a row marked as needing a rule must be one OpenCC alone gets wrong,
  // so the rule cannot be dropped from the glossary unnoticed.
  const ruleRows = (rows: Row[], from: Lang, to: Lang) =>
    rows.filter((r) => r[2] === rule).map(([source, expected]): [Lang, Lang, string, string] => [from, to, source, expected]);
  it.each([...ruleRows(HANS_TO_HANT, 'zh-Hans', 'zh-Hant'), ...ruleRows(HANT_TO_HANS, 'zh-Hant', 'zh-Hans')])(
    'OpenCC alone gets %s→%s %s wrong',
    (from, to, source, expected) => {
      expect(openccConverter(from, to)(source)).not.toBe(expected);
    },
  );
});
